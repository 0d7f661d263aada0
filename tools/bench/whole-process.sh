#!/usr/bin/env bash
# Whole-process benchmark: `oran-testbed decode` (count-only, jsonl, jsonl --iq) and `oran-testbed analyze` (headers,
# timing, sequence, correlation, PTP; and with --iq), each also as `oran-testbed-native` (the same commands compiled
# with Native AOT: no runtime start-up or JIT) where it matters (decode count, analyze), against `tshark -T fields` on
# the same capture of 273-PRB BFP-9 U-plane and C-plane traffic (tools/OranTestbed.Benchmarks `generate`; 100 MB by
# default).
#
#   tools/bench/whole-process.sh [--size 100MB] [--runs 5] [--jumbo] [--out DIR] [--no-tshark] [--only analyze|decode]
#
# Builds oran-testbed as shipped (tools/setup/build-cli.sh) and oran-testbed-native
# (tools/setup/build-analyzer-native.sh), generates the capture into DIR (default
# tools/bench/out, gitignored) if absent, then times each
# command with hyperfine (installed with apt when missing and root/sudo is available; otherwise /usr/bin/time, median
# of the runs). Prints a table of wall times, MB/s, frames/s, peak RSS and the tshark/ours ratios.
# Every command writes to /dev/null; the page cache holds the file after the first (warm-up) run.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
size="100MB"
runs=5
jumbo=""
out="$root/tools/bench/out"
with_tshark=1
only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --jumbo) jumbo="--jumbo"; shift ;;
    --out) out="$2"; shift 2 ;;
    --no-tshark) with_tshark=0; shift ;;
    --only) only="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "whole-process: unknown option $1" >&2; exit 2 ;;
  esac
done

log() { echo "[bench] $*" >&2; }

# --- system packages: tshark + libpcap (the project's setup script), hyperfine (optional) ---------------------------
"$root/tools/setup/install-system-packages.sh" >&2
if ! command -v hyperfine >/dev/null; then
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then sudo_cmd=(sudo -n); fi
  if [ "$(id -u)" -eq 0 ] || [ ${#sudo_cmd[@]} -gt 0 ]; then
    log "installing hyperfine with apt"
    export DEBIAN_FRONTEND=noninteractive
    { "${sudo_cmd[@]}" apt-get update -qq && "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends hyperfine >/dev/null; } \
      || log "could not install hyperfine; falling back to /usr/bin/time"
  fi
fi

# --- build and capture ---------------------------------------------------------------------------------------------
log "building oran-testbed and the benchmarks (Release)"
cli=(dotnet "$("$root/tools/setup/build-cli.sh")")
log "building oran-testbed-native (Native AOT; skipped when up to date)"
native=("$("$root/tools/setup/build-analyzer-native.sh")")
dotnet build "$root/tools/OranTestbed.Benchmarks" -c Release -v quiet -nologo >&2
gen=(dotnet "$root/tools/OranTestbed.Benchmarks/bin/Release/net10.0/OranTestbed.Benchmarks.dll" generate)

mkdir -p "$out"
capture="$out/oran-fh-273prb-bfp9-${size}${jumbo:+-jumbo}.pcap"
if [ ! -s "$capture" ]; then
  log "generating $capture"
  "${gen[@]}" --out "$capture" --size "$size" $jumbo >&2
fi
bytes=$(stat -c %s "$capture")

# The options that match the generated traffic (printed by `generate`; TrafficProfile.cs).
ours_opts=(--eaxc-bits 4,4,4,4 --dl-comp bfp:9 --ul-comp bfp:9 --prbs 273)
profile="$root/testplans/profiles/benchmark-273prb-bfp9.yaml"   # the same traffic as a profile (tap du, no windows)
prefs=(-o oran_fh_cus.oran.du_port_id_bits:4 -o oran_fh_cus.oran.bandsector_id_bits:4
       -o oran_fh_cus.oran.cc_id_bits:4 -o oran_fh_cus.oran.ru_port_id_bits:4
       -o oran_fh_cus.oran.ud_comp_hdr_down:FALSE -o oran_fh_cus.oran.ud_comp_hdr_up:FALSE
       -o "oran_fh_cus.oran.ud_comp_down:Block Floating Point Compression"
       -o "oran_fh_cus.oran.ud_comp_up:Block Floating Point Compression"
       -o oran_fh_cus.oran.iq_bitwidth_down:9 -o oran_fh_cus.oran.iq_bitwidth_up:9
       -o oran_fh_cus.oran.rbs_in_uplane_section:273)
fields=(-e frame.number -e ecpri.type -e oran_fh_cus.ru_port_id -e oran_fh_cus.data_direction
        -e oran_fh_cus.frameId -e oran_fh_cus.slotId -e oran_fh_cus.sectionId -e oran_fh_cus.startPrbc
        -e oran_fh_cus.numPrbc -e oran_fh_cus.startPrbu -e oran_fh_cus.numPrbu -e oran_fh_cus.exponent
        -e ptp.v2.messagetype)

q() { printf '%q ' "$@"; }
# Each of ours is compared with the tshark run that extracts the same: headers only, or headers + every IQ sample.
names=("oran-testbed decode --format count" "oran-testbed-native decode --format count"
       "oran-testbed decode --format jsonl" "oran-testbed decode --format jsonl --iq"
       "oran-testbed analyze" "oran-testbed-native analyze" "oran-testbed analyze --iq" "oran-testbed-native analyze --iq"
       "tshark -T fields" "tshark -T fields + IQ samples")
cmds=("$(q "${cli[@]}" decode "$capture" --format count "${ours_opts[@]}") > /dev/null"
      "$(q "${native[@]}" decode "$capture" --format count "${ours_opts[@]}") > /dev/null"
      "$(q "${cli[@]}" decode "$capture" --format jsonl "${ours_opts[@]}") > /dev/null"
      "$(q "${cli[@]}" decode "$capture" --format jsonl --iq "${ours_opts[@]}") > /dev/null"
      "$(q "${cli[@]}" analyze "$capture" --profile "$profile") > /dev/null"
      "$(q "${native[@]}" analyze "$capture" --profile "$profile") > /dev/null"
      "$(q "${cli[@]}" analyze "$capture" --profile "$profile" --iq) > /dev/null"
      "$(q "${native[@]}" analyze "$capture" --profile "$profile" --iq) > /dev/null"
      "$(q tshark -n -r "$capture" -T fields -E occurrence=a -E aggregator=, "${prefs[@]}" "${fields[@]}") > /dev/null 2>&1"
      "$(q tshark -n -r "$capture" -T fields -E occurrence=a -E aggregator=, "${prefs[@]}" "${fields[@]}" -e oran_fh_cus.iSample -e oran_fh_cus.qSample) > /dev/null 2>&1")
# Each of ours is compared with the tshark run that extracts the same wire fields (headers; headers + every IQ
# sample); tshark checks no timing, sequence or correlation, so the analyze ratios understate our work.
reference=(8 8 8 9 8 8 9 9 -1 -1)
keep=()
for i in "${!names[@]}"; do
  is_tshark=$(( reference[i] < 0 ))
  if [ "$is_tshark" -eq 1 ]; then [ "$with_tshark" -eq 1 ] && keep+=("$i"); continue; fi
  case "$only:${names[$i]}" in
    :*|decode:*decode*|analyze:*analyze*) keep+=("$i") ;;
  esac
done
# The kept commands, with each reference turned from an index into names[] into a position among the kept.
sel_names=(); sel_cmds=(); sel_ref=()
for i in "${keep[@]}"; do
  sel_names+=("${names[$i]}"); sel_cmds+=("${cmds[$i]}")
  pos=-1
  for k in "${!keep[@]}"; do [ "${keep[$k]}" = "${reference[$i]}" ] && pos=$k; done
  sel_ref+=("$pos")
done
names=("${sel_names[@]}"); cmds=("${sel_cmds[@]}"); reference=("${sel_ref[@]}")

# --- sanity: every command succeeds, and what each sees -------------------------------------------------------------
log "sanity run (also warms the page cache)"
"${cli[@]}" decode "$capture" --format count "${ours_opts[@]}" | sed 's/^/[bench]   ours count: /' >&2
frames=$("${cli[@]}" decode "$capture" --format count "${ours_opts[@]}" | awk '/^frames/ {gsub(",", "", $2); print $2; exit}')
log "  $frames frames, $bytes bytes in $capture"

# --- timing ----------------------------------------------------------------------------------------------------------
declare -a mean sd cpu rss
csv="$out/whole-process.csv"
if command -v hyperfine >/dev/null; then
  log "timing with hyperfine ($runs runs each, 1 warm-up)"
  # Named commands: the CSV's first column is then the name, free of the commas the commands contain.
  named=()
  for i in "${!cmds[@]}"; do named+=(-n "${names[$i]}" "${cmds[$i]}"); done
  hyperfine --warmup 1 --runs "$runs" --export-csv "$csv" --style basic "${named[@]}" >&2
  i=0
  while IFS=, read -r _ m s _median u sy _rest; do
    mean[$i]=$m; sd[$i]=$s; cpu[$i]=$(awk -v u="$u" -v s="$sy" 'BEGIN {print u + s}'); i=$((i + 1))
  done < <(tail -n +2 "$csv")
  timer="hyperfine $(hyperfine --version | awk '{print $2}'), $runs runs + 1 warm-up, mean ± σ"
else
  log "timing with /usr/bin/time ($runs runs each, 1 warm-up; median)"
  for i in "${!cmds[@]}"; do
    bash -c "${cmds[$i]}"
    ts=(); cs=()
    for _ in $(seq "$runs"); do
      read -r e u sy < <( { /usr/bin/time -f '%e %U %S' bash -c "${cmds[$i]}" ; } 2>&1 | tail -1)
      ts+=("$e"); cs+=("$(awk -v u="$u" -v s="$sy" 'BEGIN {print u + s}')")
    done
    cpu[$i]=$(printf '%s\n' "${cs[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    mean[$i]=$(printf '%s\n' "${ts[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    sd[$i]=$(printf '%s\n' "${ts[@]}" | awk '{s+=$1; q+=$1*$1} END {m=s/NR; v=q/NR-m*m; print (v>0?sqrt(v):0)}')
  done
  timer="/usr/bin/time, $runs runs + 1 warm-up, median ± σ"
fi
for i in "${!cmds[@]}"; do
  rss[$i]=$( { /usr/bin/time -f '%M' bash -c "${cmds[$i]}" ; } 2>&1 | tail -1)
done

# --- table -----------------------------------------------------------------------------------------------------------
echo
echo "capture: $capture ($bytes bytes, $frames frames)"
echo "MB/s and frames/s are from wall time; CPU = user + sys (robust when the machine is shared)."
echo "timer:   $timer; machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-42s %9s %7s %9s %10s %12s %9s %12s %12s\n' command "wall (s)" "± (s)" "CPU (s)" "MB/s" "frames/s" "RSS (MB)" "tshark/this" "(CPU ratio)"
for i in "${!cmds[@]}"; do
  ref=${reference[$i]}
  awk -v n="${names[$i]}" -v m="${mean[$i]}" -v s="${sd[$i]}" -v b="$bytes" -v f="$frames" -v r="${rss[$i]}" \
      -v t="${mean[$ref]:-0}" -v c="${cpu[$i]}" -v tc="${cpu[$ref]:-0}" -v has_t="$(( ref >= 0 ))" 'BEGIN {
    ratio = has_t ? sprintf("%.1fx", t / m) : "-"; cratio = has_t ? sprintf("%.1fx", tc / c) : "-";
    printf "%-42s %9.3f %7.3f %9.3f %10.1f %12.0f %9.1f %12s %12s\n", n, m, s, c, b / m / 1e6, f / m, r / 1024, ratio, cratio }'
done
echo "tshark/this: wall-time ratio against the tshark run that extracts the same fields (headers; headers + IQ)."
