#!/usr/bin/env bash
# Builds oran-testbed-native (src/OranTestbed.Cli.Native: `analyze` and `decode` of oran-testbed, Native AOT) and
# prints the path of the executable. Quiet unless the build fails; skips the publish when the executable is newer
# than every source file it is compiled from (the projects it references, transitively, the shared command source,
# Directory.*.props), so a second run costs milliseconds.
#
#   tools/setup/build-analyzer-native.sh           build if needed, print the path
#   tools/setup/build-analyzer-native.sh --check   build nothing: print the path and exit 0 if it is up to date, else exit 1
#
# Needs the .NET SDK, the ILCompiler packages (NuGet, restored by the publish) and a C toolchain to link: clang, or
# gcc when clang is absent. Before a publish it installs what is missing of Debian's gcc and libc6-dev (binutils comes
# with gcc) through install-system-packages.sh. About 20-40 s on the 2-core VM once the references are built, about a
# minute from a clean tree.
set -euo pipefail
check=0
if [ "${1:-}" = "--check" ]; then check=1; fi
root="$(cd "$(dirname "$0")/../.." && pwd)"
project="$root/src/OranTestbed.Cli.Native/OranTestbed.Cli.Native.csproj"
out="$root/src/OranTestbed.Cli.Native/bin/native"
exe="$out/oran-testbed-native"

# The folders compiled into the executable: the project, its ProjectReferences (transitively) and imported .projitems.
declare -A seen=()
inputs=()
visit() {   # bash builtins only: --check runs on every `tools/oran-testbed.sh analyze`
  local file="$1" dir line ref
  pushd "${file%/*}" >/dev/null
  dir="$PWD"
  popd >/dev/null
  [ -n "${seen[$dir]:-}" ] && return
  seen[$dir]=1
  inputs+=("$dir")
  while IFS= read -r line; do
    if [[ $line =~ (ProjectReference\ Include|Import\ Project)=\"([^\"]+)\" ]]; then
      ref="${BASH_REMATCH[2]//\\//}"
      if [ -f "$dir/$ref" ]; then visit "$dir/$ref"; fi
    fi
  done <"$file"
}
visit "$project"

if [ -x "$exe" ]; then
  newer="$(find "${inputs[@]}" \( -name bin -o -name obj \) -prune -o -type f -newer "$exe" -print -quit)"
  for props in "$root"/Directory.*.props; do
    if [ "$props" -nt "$exe" ]; then newer="$props"; fi
  done
  if [ -z "$newer" ]; then
    echo "$exe"
    exit 0
  fi
fi
if [ "$check" -eq 1 ]; then
  exit 1
fi

"$root/tools/setup/install-system-packages.sh" gcc libc6-dev >&2
log="$(mktemp)"
started="$(mktemp)"   # its time stamp: when the publish started
trap 'rm -f "$log" "$started"' EXIT
if ! dotnet publish "$project" -c Release -nologo -o "$out" >"$log" 2>&1; then
  cat "$log" >&2
  echo "build-analyzer-native.sh: publishing oran-testbed-native (Native AOT) failed" >&2
  exit 1
fi
# The publish leaves the executable's old time stamp when nothing changed: date it to when the publish started, so
# that a source edited during the publish still counts as newer next time.
touch -r "$started" "$exe"
echo "$exe"
