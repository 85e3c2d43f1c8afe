//! What CPU this is: model name and the SIMD features the kernels care about.

/// The CPU model from /proc/cpuinfo, with family/model/stepping when present (VMs often
/// hide the marketing name: "AMD EPYC" alone says little, "family 25 model 1" is Zen 3).
pub fn model() -> String {
    let Ok(info) = std::fs::read_to_string("/proc/cpuinfo") else {
        return format!("unknown {} CPU", std::env::consts::ARCH);
    };
    // Only the first processor's block.
    let block = info.split("\n\n").next().unwrap_or("");
    let field = |key: &str| -> Option<String> {
        block.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            (k.trim() == key).then(|| v.trim().to_string())
        })
    };
    let name = field("model name")
        .or_else(|| field("Hardware"))
        .or_else(|| field("Model"))
        .or_else(|| field("cpu model"));
    let mut extra = Vec::new();
    if let Some(f) = field("cpu family") {
        extra.push(format!("family {f}"));
    }
    if let Some(m) = field("model") {
        extra.push(format!("model {m}"));
    }
    if let Some(s) = field("stepping") {
        extra.push(format!("stepping {s}"));
    }
    if let Some(p) = field("CPU part") {
        extra.push(format!("part {p}"));
    }
    let name = name.unwrap_or_else(|| format!("unknown {} CPU", std::env::consts::ARCH));
    if extra.is_empty() {
        name
    } else {
        format!("{name} ({})", extra.join(", "))
    }
}

/// The SIMD features relevant to the kernels, detected at run time: (name, present).
pub fn features() -> Vec<(&'static str, bool)> {
    #[cfg(target_arch = "x86_64")]
    {
        vec![
            ("sse2", std::is_x86_feature_detected!("sse2")),
            ("ssse3", std::is_x86_feature_detected!("ssse3")),
            ("sse4.1", std::is_x86_feature_detected!("sse4.1")),
            ("avx2", std::is_x86_feature_detected!("avx2")),
            ("bmi2", std::is_x86_feature_detected!("bmi2")),
            ("avx512f", std::is_x86_feature_detected!("avx512f")),
            ("avx512bw", std::is_x86_feature_detected!("avx512bw")),
            ("avx512vl", std::is_x86_feature_detected!("avx512vl")),
            ("avx512vbmi2", std::is_x86_feature_detected!("avx512vbmi2")),
        ]
    }
    #[cfg(target_arch = "aarch64")]
    {
        vec![
            ("neon", std::arch::is_aarch64_feature_detected!("neon")),
            ("sve", std::arch::is_aarch64_feature_detected!("sve")),
            ("sve2", std::arch::is_aarch64_feature_detected!("sve2")),
        ]
    }
    #[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
    {
        Vec::new()
    }
}

/// What the benchmark reports about this machine, detected once per run.
pub struct Machine {
    /// [`model`].
    pub model: String,
    /// [`features`].
    pub features: Vec<(&'static str, bool)>,
    /// The kernel dispatch selects.
    pub best: xbzrle::Kernel,
    /// Every kernel this CPU can run.
    pub available: Vec<xbzrle::Kernel>,
    /// The read-bound loop and its name.
    pub fold: super::timed::FoldFn,
    /// Name of the read-bound loop.
    pub fold_name: &'static str,
}

impl Machine {
    /// Detects everything.
    pub fn detect() -> Machine {
        let (fold, fold_name) = super::timed::fold_fn();
        Machine {
            model: model(),
            features: features(),
            best: xbzrle::Kernel::best(),
            available: xbzrle::Kernel::available().collect(),
            fold,
            fold_name,
        }
    }

    /// `+avx2 -avx512f ...`
    pub fn feature_list(&self) -> String {
        self.features
            .iter()
            .map(|(n, on)| format!("{}{n}", if *on { "+" } else { "-" }))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// How the dispatched kernel was chosen, when an operator forced it (or tried to).
    pub fn dispatch_note(&self) -> String {
        let env = xbzrle::KERNEL_ENV;
        match std::env::var(env) {
            Ok(v) if xbzrle::Kernel::from_name(v.trim()) == Some(self.best) => {
                format!(" (forced by {env}={v})")
            }
            Ok(v) => format!(" ({env}={v} ignored: not a kernel this CPU can run)"),
            Err(_) => String::new(),
        }
    }
}
