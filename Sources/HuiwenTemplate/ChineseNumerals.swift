/// Writes a whole number in Chinese numerals as official documents count: 一, 十, 十一, 二十一,
/// 一百零五, 一千零一, 一万, 十二万三千. Negative numbers get 负; 0 is 零.
///
/// A leading 一 is dropped before 十 only at the head of the number (十一, but 一百一十).
public func chineseNumeral(_ number: Int) -> String {
    if number == 0 { return "零" }
    if number < 0 {
        // `-Int.min` overflows; no document counts that far, but never trap on data.
        return number == Int.min ? String(number) : "负" + chineseNumeral(-number)
    }
    let groupUnits = ["", "万", "亿", "万亿", "亿亿"]
    var groups: [Int] = []
    var rest = number
    while rest > 0 {
        groups.append(rest % 10_000)
        rest /= 10_000
    }
    guard groups.count <= groupUnits.count else { return String(number) }
    var result = ""
    var skippedZero = false
    for index in groups.indices.reversed() {
        let group = groups[index]
        if group == 0 {
            if !result.isEmpty { skippedZero = true }
            continue
        }
        // A gap inside the number is read as one 零: 一万零一, 一亿零一百.
        if !result.isEmpty && (skippedZero || group < 1000) { result += "零" }
        skippedZero = false
        result += chineseGroup(group, isHead: result.isEmpty) + groupUnits[index]
    }
    return result
}

/// One group of up to four digits (1…9999).
private func chineseGroup(_ group: Int, isHead: Bool) -> String {
    let digits: [Character] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    let units = ["千", "百", "十", ""]
    let values = [group / 1000, group / 100 % 10, group / 10 % 10, group % 10]
    var text = ""
    var started = false
    var pendingZero = false
    for (position, digit) in values.enumerated() {
        if digit == 0 {
            if started { pendingZero = true }
            continue
        }
        if pendingZero { text += "零" }
        pendingZero = false
        if position == 2 && digit == 1 && !started && isHead {
            text += "十"
        } else {
            text.append(digits[digit])
            text += units[position]
        }
        started = true
    }
    return text
}
