import Hummingbird

/// Answers requests from the site in memory: its files, redirects from `/x` to `/x/`, the site's
/// 404 page for anything else, and the error page while the sources do not build. Paths under
/// `/__cnmm/` go on to the server's own routes.
struct SiteMiddleware<Context: RequestContext>: RouterMiddleware {
    var store: PreviewSiteStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let path = request.uri.path
        if path.hasPrefix("/__cnmm/") { return try await next(request, context) }
        let snapshot = store.current
        switch snapshot.answer(for: path) {
        case .redirect(let location):
            return Response(status: .found, headers: [.location: location, .cacheControl: "no-store"])
        case .file(let filePath, let status):
            let file = snapshot.file(at: filePath) ?? PreviewSnapshot.plainNotFound
            var headers: HTTPFields = [
                .contentType: file.contentType, .cacheControl: "no-store", .xContentTypeOptions: "nosniff",
            ]
            let body = file.body(version: snapshot.version)
            if request.method == .head {
                headers[.contentLength] = String(body.readableBytes)
                return Response(status: HTTPResponse.Status(code: status), headers: headers)
            }
            return Response(
                status: HTTPResponse.Status(code: status), headers: headers, body: ResponseBody(byteBuffer: body))
        }
    }
}
