import Hummingbird

/// Answers only what the preview should: a `Host` the policy allows (403 otherwise, against DNS
/// rebinding) and the methods GET and HEAD (405 otherwise). Runs before every route.
struct PreviewGuardMiddleware<Context: RequestContext>: RouterMiddleware {
    var hosts: HostPolicy

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard hosts.allows(request.head.authority) else {
            return Self.plain(.forbidden, "Forbidden: this server answers only to its own address.\n")
        }
        guard request.method == .get || request.method == .head else {
            var response = Self.plain(.methodNotAllowed, "Method not allowed: only GET and HEAD.\n")
            response.headers[.allow] = "GET, HEAD"
            return response
        }
        return try await next(request, context)
    }

    static func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
