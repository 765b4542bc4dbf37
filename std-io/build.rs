//! Marks the live-kernel tests runnable (`cfg(rtnl_live)`) when the build
//! runs as root with iproute2 present; otherwise they are compiled as
//! `#[ignore]`d, so that a non-root run reports them as ignored, not passed.
//! `RTNL_LIVE=0` or `RTNL_LIVE=1` overrides the detection.
fn main() {
    println!("cargo::rustc-check-cfg=cfg(rtnl_live)");
    println!("cargo::rerun-if-env-changed=RTNL_LIVE");
    let live = match std::env::var("RTNL_LIVE").as_deref() {
        Ok("1") => true,
        Ok("0") => false,
        _ => {
            let root = std::process::Command::new("id")
                .arg("-u")
                .output()
                .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
            let ip = std::process::Command::new("ip").arg("-V").output().is_ok_and(|o| o.status.success());
            root && ip
        }
    };
    if live {
        println!("cargo::rustc-cfg=rtnl_live");
    }
}
