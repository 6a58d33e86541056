import Foundation

/// The live-reload script injected into HTML in serve mode, and the event stream it listens to.
///
/// The script knows the version of the site it came with. It opens a Server-Sent Events stream at
/// `/__cnmm/events`; the server first sends `hello` with the current version (so a save between the
/// page load and the connection is not missed), then `reload` with each new version. On a version
/// other than its own the page saves its scroll position in `sessionStorage` and reloads, and the
/// reloaded page scrolls back. A hidden tab closes its stream and opens it again when shown (and then
/// catches up through `hello`): browsers allow six connections to one server, and every open tab would
/// otherwise hold one. Nothing else of the page changes.
enum LiveReload {
    static let eventsPath = "/__cnmm/events"

    /// The `<script>` element for a page of the given version (letters, digits and `-` only).
    static func script(version: String) -> String {
        "<script>(()=>{const v=\"\(version)\",k=\"cnmm-scroll:\"+location.pathname,y=sessionStorage.getItem(k);"
            + "if(y!==null){sessionStorage.removeItem(k);scrollTo(0,+y);addEventListener(\"load\",()=>scrollTo(0,+y))}"
            + "const check=e=>{if(e.data!==v){sessionStorage.setItem(k,String(scrollY));location.reload()}};let s;"
            + "const open=()=>{if(!s){s=new EventSource(\"\(eventsPath)\");s.addEventListener(\"hello\",check);"
            + "s.addEventListener(\"reload\",check)}},close=()=>{if(s){s.close();s=null}};"
            + "document.addEventListener(\"visibilitychange\",()=>document.hidden?close():open());"
            + "addEventListener(\"pagehide\",close);addEventListener(\"pageshow\",()=>document.hidden||open());"
            + "document.hidden||open()})()</script>"
    }

    /// The HTML with the script inserted before its last `</body>` (or at the end when there is none).
    static func inject(into html: Data, version: String) -> Data {
        let script = Data(script(version: version).utf8)
        let end = html.startIndex + insertionPoint(in: html)
        var result = Data(capacity: html.count + script.count)
        result.append(html[html.startIndex..<end])
        result.append(script)
        result.append(html[end...])
        return result
    }

    /// Where the script goes, counted from the start of the HTML: its last `</body>`, else its end.
    static func insertionPoint(in html: Data) -> Int {
        guard let end = lastBodyEnd(in: html) else { return html.count }
        return end - html.startIndex
    }

    /// The position of the last `</body>`, ignoring case.
    private static func lastBodyEnd(in html: Data) -> Data.Index? {
        let tag = Array("</body>".utf8)
        guard html.count >= tag.count else { return nil }
        var index = html.endIndex - tag.count
        while index >= html.startIndex {
            var matches = true
            for offset in 0..<tag.count where lowercased(html[index + offset]) != tag[offset] {
                matches = false
                break
            }
            if matches { return index }
            index -= 1
        }
        return nil
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
}
