//! `--output DIR`: one record file per input, mirroring the input tree, written
//! atomically and resumable.
//!
//! Atomic: each record is written to a temporary file in a scratch folder *beside* DIR
//! (`.<DIR name>.gongwen-tmp`, same file system) and renamed into place, so whenever the
//! process dies (even by SIGKILL) every file under DIR is a complete record. Stale
//! temporary files of dead runs are removed by the next run. When the scratch folder cannot
//! be made beside DIR (read-only parent, another file system) it falls back to a hidden
//! `.gongwen-tmp` folder inside DIR.
//!
//! Resumable: [`existing`] reads the input digest of a record already written, so
//! `--resume` can skip inputs whose record matches their current bytes.

use std::collections::HashSet;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use serde::Deserialize;

use crate::batch::Input;
use crate::model::{ErrorKind, Status};

/// Where records go and how they get there.
#[derive(Debug)]
pub struct OutDir {
    root: PathBuf,
    tmp: PathBuf,
    counter: AtomicU64,
}

impl OutDir {
    /// Prepare `root` (created if missing) and its scratch folder.
    pub fn create(root: &Path) -> io::Result<OutDir> {
        fs::create_dir_all(root)?;
        let root = fs::canonicalize(root)?;
        let beside = match (root.parent(), root.file_name()) {
            (Some(parent), Some(name)) => {
                Some(parent.join(format!(".{}.gongwen-tmp", name.to_string_lossy())))
            }
            _ => None,
        };
        let tmp = match beside {
            Some(t) if fs::create_dir_all(&t).is_ok() && same_device(&t, &root) => t,
            _ => {
                let t = root.join(".gongwen-tmp");
                fs::create_dir_all(&t)?;
                t
            }
        };
        clean_stale(&tmp);
        Ok(OutDir {
            root,
            tmp,
            counter: AtomicU64::new(0),
        })
    }

    /// The output folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Write `contents` to `path` (under the output folder) atomically.
    pub fn write(&self, path: &Path, contents: &[u8]) -> io::Result<()> {
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        let tmp = self.tmp.join(format!("{}-{n}.tmp", std::process::id()));
        let result = (|| {
            let mut f = fs::File::create(&tmp)?;
            f.write_all(contents)?;
            drop(f);
            fs::rename(&tmp, path)
        })();
        if result.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        result
    }

    /// Remove the scratch folder if no other run is using it.
    pub fn finish(self) {
        let _ = fs::remove_dir(&self.tmp);
    }
}

#[cfg(unix)]
fn same_device(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_device(_: &Path, _: &Path) -> bool {
    true
}

/// Remove temporary files left by runs that are no longer alive (their name starts with
/// the writer's process id). Another live run's files are left alone.
fn clean_stale(tmp: &Path) {
    let Ok(entries) = fs::read_dir(tmp) else {
        return;
    };
    let me = std::process::id();
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(pid) = name.split('-').next().and_then(|p| p.parse::<u32>().ok()) else {
            continue;
        };
        let alive =
            pid == me || (cfg!(target_os = "linux") && Path::new(&format!("/proc/{pid}")).exists());
        if !alive {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// The output file of each input: its path relative to the folder it was found under,
/// with `.json` for its extension. Names that would collide (`a.txt` and `a.md`, or two
/// `a.txt` from different folders) keep their full name (`a.md.json`), then get a number
/// (`a.txt.2.json`), so no record overwrites another.
pub fn output_paths(root: &Path, inputs: &[Input]) -> Vec<PathBuf> {
    let mut taken = HashSet::new();
    inputs
        .iter()
        .map(|input| {
            let plain = root.join(&input.relative).with_extension("json");
            if taken.insert(plain.clone()) {
                return plain;
            }
            let mut full = root.join(&input.relative).into_os_string();
            full.push(".json");
            let full = PathBuf::from(full);
            if taken.insert(full.clone()) {
                return full;
            }
            let mut k = 2;
            loop {
                let mut numbered = root.join(&input.relative).into_os_string();
                numbered.push(format!(".{k}.json"));
                let numbered = PathBuf::from(numbered);
                if taken.insert(numbered.clone()) {
                    return numbered;
                }
                k += 1;
            }
        })
        .collect()
}

/// What a previously written record says about its input, for `--resume`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Existing {
    /// `source.sha256` of the record.
    pub sha256: String,
    /// Whether it is an error record.
    pub error: bool,
    /// Whether its error may not recur (timeout, panic, I/O): such inputs are retried.
    pub transient: bool,
}

/// The fields of a written record that `--resume` reads (the rest is not parsed).
#[derive(Deserialize)]
struct Written {
    source: WrittenSource,
    status: Status,
    error: Option<WrittenError>,
}

#[derive(Deserialize)]
struct WrittenSource {
    sha256: String,
}

#[derive(Deserialize)]
struct WrittenError {
    kind: ErrorKind,
}

/// Read the record at `path`, if it exists and is a record (one with an error kind this
/// version does not know is processed again).
pub fn existing(path: &Path) -> Option<Existing> {
    let bytes = fs::read(path).ok()?;
    let w: Written = serde_json::from_slice(&bytes).ok()?;
    Some(Existing {
        sha256: w.source.sha256,
        error: w.status == Status::Error,
        transient: w.error.is_some_and(|e| e.kind.is_transient()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(rel: &str) -> Input {
        Input::file(PathBuf::from(rel), rel.into(), PathBuf::from(rel))
    }

    #[test]
    fn colliding_names_get_distinct_outputs() {
        let root = Path::new("/out");
        let got = output_paths(
            root,
            &[
                input("a.txt"),
                input("a.md"),
                input("a.txt"),
                input("d/b.txt"),
            ],
        );
        assert_eq!(
            got,
            [
                "/out/a.json",
                "/out/a.md.json",
                "/out/a.txt.json",
                "/out/d/b.json"
            ]
            .map(PathBuf::from)
        );
    }

    #[test]
    fn resume_reads_status_and_error_kind_as_enums() {
        let dir = tempfile::tempdir().unwrap();
        let at = |name: &str, json: &str| {
            let p = dir.path().join(name);
            fs::write(&p, json).unwrap();
            existing(&p)
        };
        let record = |status: &str, kind: Option<&str>| {
            let error = kind.map_or(String::new(), |k| {
                format!(r#","error":{{"kind":"{k}","stage":"read","message":"m"}}"#)
            });
            format!(r#"{{"source":{{"sha256":"ab","path":"x"}},"status":"{status}"{error}}}"#)
        };
        let ok = at("ok.json", &record("ok", None)).unwrap();
        assert_eq!(
            (ok.sha256.as_str(), ok.error, ok.transient),
            ("ab", false, false)
        );
        for (kind, transient) in [("timeout", true), ("panic", true), ("io", true)] {
            let e = at("t.json", &record("error", Some(kind))).unwrap();
            assert!(e.error && e.transient == transient, "{kind}");
        }
        for kind in ["decode", "binary", "too-large", "unsupported-format"] {
            let e = at("d.json", &record("error", Some(kind))).unwrap();
            assert!(e.error && !e.transient, "{kind}");
        }
        // A kind this version does not know, or no record at all: processed again.
        assert!(at("u.json", &record("error", Some("mystery"))).is_none());
        assert!(at("bad.json", "{\"half").is_none());
    }

    #[test]
    fn atomic_write_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("out");
        let out = OutDir::create(&root).unwrap();
        let p = out.root().join("x/y.json");
        out.write(&p, b"{}").unwrap();
        out.finish();
        assert_eq!(fs::read(&p).unwrap(), b"{}");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["out"]);
    }

    #[test]
    fn stale_temporaries_of_dead_runs_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("out");
        let tmp = dir.path().join(".out.gongwen-tmp");
        fs::create_dir_all(&tmp).unwrap();
        // No process has pid 4294967295.
        fs::write(tmp.join("4294967295-0.tmp"), b"{\"half").unwrap();
        let out = OutDir::create(&root).unwrap();
        out.finish();
        assert!(!tmp.exists());
    }
}
