/// The version of huiwen, as `huiwen --version` prints it.
public enum HuiwenVersion {
    public static let current = "0.3.0"
}
