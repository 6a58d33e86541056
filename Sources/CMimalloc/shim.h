// mimalloc's API (Debian's libmimalloc-dev): linking it replaces the C library's malloc in the whole process;
// cnmm also sets its options (see ServeCommand).
#include <mimalloc.h>
