/// A rectangle of cells; widgets draw inside one, and layout splits one into parts.
///
/// Rectangles never have negative sizes: every operation clamps to zero, so layout code
/// can shrink a tiny terminal without special cases.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public init(origin: Point, size: Size) {
        self.init(x: origin.x, y: origin.y, width: size.width, height: size.height)
    }

    /// The whole of a screen of the given size.
    public init(size: Size) {
        self.init(x: 0, y: 0, width: size.width, height: size.height)
    }

    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    public var origin: Point { Point(x: x, y: y) }
    public var size: Size { Size(width: width, height: height) }
    public var minX: Int { x }
    public var minY: Int { y }
    /// One past the last column, so `minX..<maxX` covers the rectangle.
    public var maxX: Int { x + width }
    /// One past the last row, so `minY..<maxY` covers the rectangle.
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }

    public var description: String { "Rect(x: \(x), y: \(y), w: \(width), h: \(height))" }

    public func contains(_ point: Point) -> Bool {
        point.x >= minX && point.x < maxX && point.y >= minY && point.y < maxY
    }

    /// The overlap of two rectangles; empty (at this origin) when they do not touch.
    public func intersection(_ other: Rect) -> Rect {
        let left = max(minX, other.minX)
        let top = max(minY, other.minY)
        let right = min(maxX, other.maxX)
        let bottom = min(maxY, other.maxY)
        guard right > left, bottom > top else { return Rect(x: left, y: top, width: 0, height: 0) }
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// Shrinks every side by `amount`, as for the inside of a border.
    public func inset(by amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        let newWidth = max(0, width - left - right)
        let newHeight = max(0, height - top - bottom)
        return Rect(x: x + min(left, width), y: y + min(top, height), width: newWidth, height: newHeight)
    }

    /// Cuts `rows` rows off the top; returns the top part and the rest.
    public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
        let taken = min(max(0, rows), height)
        return (
            Rect(x: x, y: y, width: width, height: taken),
            Rect(x: x, y: y + taken, width: width, height: height - taken)
        )
    }

    /// Cuts `rows` rows off the bottom; returns the rest and the bottom part.
    public func splitBottom(_ rows: Int) -> (rest: Rect, bottom: Rect) {
        let taken = min(max(0, rows), height)
        return (
            Rect(x: x, y: y, width: width, height: height - taken),
            Rect(x: x, y: maxY - taken, width: width, height: taken)
        )
    }

    /// Cuts `columns` columns off the left; returns the left part and the rest.
    public func splitLeft(_ columns: Int) -> (left: Rect, rest: Rect) {
        let taken = min(max(0, columns), width)
        return (
            Rect(x: x, y: y, width: taken, height: height),
            Rect(x: x + taken, y: y, width: width - taken, height: height)
        )
    }

    /// Cuts `columns` columns off the right; returns the rest and the right part.
    public func splitRight(_ columns: Int) -> (rest: Rect, right: Rect) {
        let taken = min(max(0, columns), width)
        return (
            Rect(x: x, y: y, width: width - taken, height: height),
            Rect(x: maxX - taken, y: y, width: taken, height: height)
        )
    }

    /// Splits into side-by-side columns in proportion to `weights`; rounding leftovers go
    /// to the last column so the parts always cover the whole rectangle.
    public func columns(weights: [Int]) -> [Rect] {
        Rect.distribute(total: width, weights: weights).map { offset, length in
            Rect(x: x + offset, y: y, width: length, height: height)
        }
    }

    /// Splits into stacked rows in proportion to `weights`, like `columns(weights:)`.
    public func rows(weights: [Int]) -> [Rect] {
        Rect.distribute(total: height, weights: weights).map { offset, length in
            Rect(x: x, y: y + offset, width: width, height: length)
        }
    }

    private static func distribute(total: Int, weights: [Int]) -> [(Int, Int)] {
        let clean = weights.map { max(0, $0) }
        let sum = clean.reduce(0, +)
        guard !clean.isEmpty else { return [] }
        var parts: [(Int, Int)] = []
        var offset = 0
        for (index, weight) in clean.enumerated() {
            let length: Int
            if index == clean.count - 1 {
                length = total - offset
            } else {
                length = sum == 0 ? 0 : total * weight / sum
            }
            parts.append((offset, length))
            offset += length
        }
        return parts
    }
}
