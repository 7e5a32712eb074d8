//! Whole numbers written in digits, with thousands separators.

/// `266000000` -> `266,000,000`, `1700` -> `1,700`; numbers under 1,000 are written plain.
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    if n.unsigned_abs() < 1_000 {
        return n.to_string();
    }

    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}
