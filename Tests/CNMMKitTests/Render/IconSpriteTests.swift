import Testing

@testable import CNMMKit

@Suite("Icon sprite")
struct IconSpriteTests {
    @Test("an icon file becomes a symbol keeping its drawing attributes and content, not its size or class")
    func symbol() {
        let svg = """
            <?xml version="1.0"?>
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="1em" height='1em' fill="none"
              stroke="currentColor" class="x" stroke-width="2"><circle cx="9" cy="8" r="3"/>
            <path d="M3 20a6 6 0 0 1 13 0"/></svg>
            """
        let symbol = IconSprite.symbol(svg, name: "users")
        #expect(
            symbol == "<symbol id=\"users\" viewBox=\"0 0 24 24\" fill=\"none\" stroke=\"currentColor\" "
                + "stroke-width=\"2\"><circle cx=\"9\" cy=\"8\" r=\"3\"/> <path d=\"M3 20a6 6 0 0 1 13 0\"/></symbol>")
    }

    @Test("the sprite lists symbols by name; pages point into it under the base path")
    func spriteAndReference() {
        let file = IconSprite.file(["users": "<symbol id=\"users\"></symbol>", "cogs": "<symbol id=\"cogs\"></symbol>"])
        #expect(file.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\">\n<symbol id=\"cogs\">"))
        #expect(file.hasSuffix("<symbol id=\"users\"></symbol>\n</svg>\n"))
        #expect(
            IconSprite.reference("cogs", basePath: "/model/")
                == "<svg class=\"icon icon-cogs\" aria-hidden=\"true\" focusable=\"false\">"
                + "<use href=\"/model/icons.svg#cogs\"></use></svg>")
    }
}
