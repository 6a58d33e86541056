import Foundation

/// Finds templates that include themselves unconditionally (directly or through others), which would
/// recurse until the stack runs out. An include inside a `{{#section}}` or `{{^section}}` may end (the
/// sidebar's entries include themselves for their children), so only includes outside any section count.
enum PartialCycles {
    /// Each cycle as a chain of template names, first name repeated at the end.
    static func find(in templates: [String: String]) -> [[String]] {
        var edges: [String: [String]] = [:]
        for (name, text) in templates { edges[name] = unconditionalIncludes(text) }
        var cycles: [[String]] = []
        var reported = Set<String>()
        for start in templates.keys.sorted() {
            var stack: [String] = [start]
            var seen: Set<String> = [start]
            func walk(_ node: String) {
                for next in edges[node] ?? [] {
                    if next == start {
                        let chain = stack + [start]
                        if reported.insert(Set(chain).sorted().joined(separator: ",")).inserted { cycles.append(chain) }
                    } else if seen.insert(next).inserted {
                        stack.append(next)
                        walk(next)
                        stack.removeLast()
                    }
                }
            }
            walk(start)
        }
        return cycles
    }

    /// Names of the partials and parents a template includes outside any section.
    static func unconditionalIncludes(_ text: String) -> [String] {
        var includes: [String] = []
        var depth = 0
        for tag in TemplateTags.tags(in: text) {
            switch tag.sigil {
            case "#", "^": depth += 1
            case "/": depth = max(0, depth - 1)
            case ">", "<": if depth == 0 { includes.append(String(tag.name)) }
            default: break
            }
        }
        return includes
    }
}
