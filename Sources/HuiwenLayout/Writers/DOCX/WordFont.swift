/// The fonts, named as GB/T 9704 names them (WPS and Word find them by these names; elsewhere
/// a fontconfig alias or the application's substitution picks a stand-in).
enum WordFont {
    static let fangSong = "仿宋_GB2312"
    static let xiaoBiaoSong = "方正小标宋简体"
    static let heiTi = "黑体"
    static let kaiTi = "楷体_GB2312"
    /// Page numbers: 4号 宋体.
    static let songTi = "宋体"
    /// The Latin part of code.
    static let monospace = "Courier New"
}
