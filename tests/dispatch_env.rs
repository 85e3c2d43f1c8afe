//! `XBZRLE_KERNEL` forces the dispatched kernel. The choice is made once per process, so
//! each case runs this test binary again as a child with the variable set.

use std::process::Command;

use xbzrle::{Kernel, KERNEL_ENV};

/// In a child run (marked by `XBZRLE_DISPATCH_CHILD`): prints the dispatched kernel.
#[test]
fn child_reports_dispatch() {
    if std::env::var_os("XBZRLE_DISPATCH_CHILD").is_some() {
        println!("dispatch={}", Kernel::best().name());
    }
}

/// The kernel a child run dispatches with `XBZRLE_KERNEL` set to `value` (`None`: unset),
/// or `None` when the child cannot be started here (e.g. an emulated run).
fn child_dispatch(value: Option<&str>) -> Option<String> {
    let exe = std::env::current_exe().expect("test binary path");
    let mut cmd = Command::new(exe);
    cmd.args([
        "--exact",
        "child_reports_dispatch",
        "--nocapture",
        "--test-threads=1",
    ])
    .env("XBZRLE_DISPATCH_CHILD", "1");
    match value {
        Some(v) => cmd.env(KERNEL_ENV, v),
        None => cmd.env_remove(KERNEL_ENV),
    };
    let out = match cmd.output() {
        Ok(out) => out,
        Err(e) => {
            eprintln!("skipping: cannot run the test binary as a child here: {e}");
            return None;
        }
    };
    // 127 with no output: the binary could not even be loaded (an emulated run, where the
    // child is started without the emulator's loader); a test binary never exits so itself
    if out.status.code() == Some(127) && out.stdout.is_empty() {
        eprintln!("skipping: the test binary cannot be started as a child here (exit 127)");
        return None;
    }
    assert!(out.status.success(), "child failed: {out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout
        .lines()
        .find_map(|l| l.split_once("dispatch=").map(|(_, name)| name))
        .unwrap_or_else(|| panic!("no dispatch line in child output: {stdout}"));
    Some(line.trim().to_string())
}

#[test]
fn the_environment_variable_forces_a_runnable_kernel_and_nothing_else() {
    let Some(auto) = child_dispatch(None) else {
        return;
    };
    // an emulated parent (qemu-user) starts its child natively, on another CPU
    if std::env::var_os(KERNEL_ENV).is_none() && auto != Kernel::best().name() {
        eprintln!("skipping: the child runs on another CPU than this (emulated) process");
        return;
    }
    assert!(Kernel::from_name(&auto).is_some_and(|k| k.is_available()));
    // unknown names and blank values leave the automatic choice
    for junk in ["", "mmx", "AVX2 please"] {
        assert_eq!(child_dispatch(Some(junk)).unwrap(), auto, "value {junk:?}");
    }
    for &k in Kernel::ALL {
        let got = child_dispatch(Some(k.name())).unwrap();
        let want = if k.is_available() { k.name() } else { &auto };
        assert_eq!(got, want, "{KERNEL_ENV}={}", k.name());
    }
    // surrounding white space is tolerated (a value pasted from a config file)
    assert_eq!(child_dispatch(Some(" scalar\n")).unwrap(), "scalar");
}
