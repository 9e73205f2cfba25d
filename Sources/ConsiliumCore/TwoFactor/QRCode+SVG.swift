extension QRCode {
    /// The symbol as an SVG image with the standard's four-module quiet zone: one path of
    /// horizontal runs, crisp at any size. `title` is the image's accessible name.
    public func svg(title: String, pixelsPerModule: Int = 5) -> String {
        let side = size + 8
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard isDark(x: x, y: y) else {
                    x += 1
                    continue
                }
                var run = 1
                while isDark(x: x + run, y: y) { run += 1 }
                path += "M\(x + 4) \(y + 4)h\(run)v1h-\(run)z"
                x += run
            }
        }
        let escaped = title.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing("\"", with: "&quot;")
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" width="\(side * pixelsPerModule)" \
            height="\(side * pixelsPerModule)" role="img" aria-label="\(escaped)" shape-rendering="crispEdges">\
            <rect width="\(side)" height="\(side)" fill="#fff"/><path fill="#000" d="\(path)"/></svg>
            """
    }

    /// One line per row, `#` dark and `.` light, without the quiet zone: for tests and debugging.
    public var textMatrix: String {
        (0..<size).map { y in String((0..<size).map { isDark(x: $0, y: y) ? "#" : "." }) }.joined(separator: "\n")
    }
}
