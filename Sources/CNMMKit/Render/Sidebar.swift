import Foundation

/// The rendered sidebar: the theme's `partials/nav`, rendered once per language and open branch.
///
/// A sidebar lists up to a few hundred links and was most of the cost of rendering a page; the pages of one
/// section show the same one, but for the link to the page itself. So the partial is rendered without a
/// current page, once per `Navigation.Branch`, and each page gets a copy with `aria-current="page"` added
/// to the first link to its own URL. Shared by the threads rendering pages of one build.
final class Sidebar: @unchecked Sendable {
    static let template = "partials/nav"

    private let navigation: Navigation
    private let render: @Sendable ([String: Any]) -> String?
    private let lock = NSLock()
    private var rendered: [Navigation.Branch: PageHTML] = [:]

    /// `render` turns a sidebar's data into HTML (nil: the theme has no `partials/nav`).
    init(navigation: Navigation, render: @escaping @Sendable ([String: Any]) -> String?) {
        self.navigation = navigation
        self.render = render
    }

    /// The sidebar of the page at `current` (-1: no page is current), with its link marked; with a digest, so
    /// that fingerprinting a page's view model (the preview's) does not hash its sidebar again.
    ///
    /// `data` is the language's part of the page data the partial may use (`t`, `lang`, `home_url`, …);
    /// `nav_groups` is added to it.
    func html(current: Int, url: String?, language: String, data: [String: Any], strings: UIStrings) -> PageHTML {
        let branch = navigation.branch(for: current, language: language)
        lock.lock()
        let known = rendered[branch]
        lock.unlock()
        let shared: PageHTML
        if let known {
            shared = known
        } else {
            var context = data
            context["nav_groups"] = navigation.groups(branch, strings: strings)
            let html = render(context) ?? ""
            shared = PageHTML(html, digest: PageHTML.digest(of: html))
            lock.lock()
            rendered[branch] = shared
            lock.unlock()
        }
        guard let url else { return shared }
        // The page's copy differs from the shared one only by the mark at its URL: its digest says so.
        var hasher = Hasher()
        hasher.combine(shared.digest)
        hasher.combine(url)
        return PageHTML(Self.markCurrent(shared.text, url: url), digest: hasher.finalize())
    }

    /// `html` with ` aria-current="page"` after the first `href="url"` (the URL escaped as Mustache escapes it).
    static func markCurrent(_ html: String, url: String) -> String {
        let attribute = "href=\"" + SafeText.html(url) + "\""
        guard let found = html[...].firstUTF8Range(of: attribute) else { return html }
        var marked = String(html[..<found.upperBound])
        marked.reserveCapacity(html.utf8.count + 20)
        marked += " aria-current=\"page\""
        marked += html[found.upperBound...]
        return marked
    }
}
