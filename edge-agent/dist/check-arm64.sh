#!/usr/bin/env bash
# Checks the ARM64 build of the one jar on an x86-64 Debian 12 machine, under qemu's user-mode
# emulation: `edge-agent/dist/check-arm64.sh [WORK_DIR]` (as root for the one apt-get install,
# or with qemu-user-static already there). Not run by CI or bin/test.
#
# It builds platform/target/classroom-platform-linux-arm64.jar (`-Parm64`) when missing; checks
# that every native JavaCV loads for the agent is in the jar as an AArch64 ELF and that no x86-64
# one is; downloads Debian's ARM64 OpenJDK 17 and the few libraries it needs as .deb files through
# a private apt configuration (nothing ARM64 is installed on the machine: no dpkg
# --add-architecture, the host's own JDK stays untouched) and unpacks them into a sysroot; then
# runs `edge-agent run` on the ARM64 JDK under qemu-aarch64-static, with a cached schedule whose
# lesson starts shortly and an FFmpeg test source (lavfi testsrc2 + sine, encoded with libx264 and
# AAC), the signaling server and the recorder out of reach; and checks the segments it closes with
# the host's ffprobe: H.264 and AAC, about two seconds each.
set -euo pipefail

readonly ROOT=$(cd "$(dirname "$0")/../.." && pwd)
readonly WORK=${1:-/tmp/tongke-arm64-check}
readonly JAR=$ROOT/platform/target/classroom-platform-linux-arm64.jar
readonly SYSROOT=$WORK/sysroot
readonly APT=$WORK/apt
# The JDK, and the system libraries JavaCV's FFmpeg build links to but does not bundle (VA-API,
# DRM, PulseAudio, XCB: the x86-64 build needs the same ones); their dependencies are added.
readonly JDK_PACKAGES=(openjdk-17-jre-headless libc6 libgcc-s1 libstdc++6 zlib1g)
readonly FFMPEG_PACKAGES=(libva2 libva-drm2 libdrm2 libpulse0 libxcb1 libxcb-shm0)
# The natives the agent loads (FFmpeg's libraries and JavaCPP's JNI glue); JavaCV loads no others.
readonly NATIVES=(libavutil.so.59 libavcodec.so.61 libavformat.so.61 libavdevice.so.61 libavfilter.so.10
  libswscale.so.8 libswresample.so.5 libpostproc.so.58 libjniavutil.so libjniavcodec.so libjniavformat.so
  libjniavdevice.so libjniavfilter.so libjniswscale.so libjniswresample.so libjnipostproc.so libjnijavacpp.so)
# Under emulation the agent takes some 20 s to start, and FFmpeg's libraries 2 to 10 s to load
# once the lesson has begun (10 the first time, when they are unpacked): the lesson starts a
# minute after the agent and lasts long enough for that.
readonly START_IN_SECONDS=60
readonly LESSON_SECONDS=24
readonly SEGMENT_SECONDS=2
readonly MIN_SEGMENTS=3

log() { printf 'check-arm64: %s\n' "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

need_tools() {
  command -v ffprobe >/dev/null || die "ffprobe is missing (apt-get install ffmpeg)"
  command -v unzip >/dev/null || die "unzip is missing (apt-get install unzip)"
  if ! command -v qemu-aarch64-static >/dev/null; then
    [[ $(id -u) -eq 0 ]] || die "qemu-aarch64-static is missing; as root: apt-get install -y qemu-user-static"
    log "installing qemu-user-static"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq qemu-user-static >/dev/null
  fi
}

build_jar() {
  if [[ ! -f $JAR ]]; then
    log "building $JAR (mvn -Parm64)"
    (cd "$ROOT" && mvn -B -q -Parm64 -pl platform -am package -DskipTests)
  fi
  [[ -f $JAR ]] || die "$JAR was not built"
}

# e_machine of an ELF file: 183 (0xb7) is AArch64, 62 (0x3e) x86-64.
elf_machine() { od -An -tu2 -j18 -N2 "$1" | tr -d ' '; }

check_natives() {
  local dir=$WORK/natives name file
  rm -rf "$dir" && mkdir -p "$dir"
  (cd "$dir" && unzip -q "$JAR" 'org/bytedeco/*')
  if find "$dir/org/bytedeco" -path '*linux-x86*' -name '*.so*' | grep -q .; then
    die "the jar holds x86-64 natives of JavaCV: $(find "$dir/org/bytedeco" -path '*linux-x86*' -name '*.so*' | head -3)"
  fi
  for name in "${NATIVES[@]}"; do
    file=$(find "$dir/org/bytedeco" -path '*linux-arm64*' -name "$name" | head -1)
    [[ -n $file ]] || die "the jar has no linux-arm64 $name"
    [[ $(elf_machine "$file") == 183 ]] || die "$name in the jar is not an AArch64 ELF (e_machine $(elf_machine "$file"))"
  done
  log "the jar holds AArch64 builds of all ${#NATIVES[@]} natives the agent loads, and no x86-64 ones"
}

make_sysroot() {
  local java=$SYSROOT/usr/lib/jvm/java-17-openjdk-arm64/bin/java
  if [[ -x $java ]]; then
    return
  fi
  log "downloading ARM64 ${JDK_PACKAGES[*]} ${FFMPEG_PACKAGES[*]} and their dependencies into $SYSROOT (private apt state in $APT)"
  mkdir -p "$APT"/{etc/apt.conf.d,etc/preferences.d,etc/sources.list.d,state/lists/partial,cache/archives/partial,debs}
  : >"$APT/state/status"
  cat >"$APT/etc/sources.list" <<EOF
deb [arch=arm64 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main
deb [arch=arm64 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian-security bookworm-security main
EOF
  cat >"$APT/apt.conf" <<EOF
APT::Architecture "arm64";
APT::Architectures { "arm64"; };
Dir::Etc "$APT/etc";
Dir::Etc::sourcelist "$APT/etc/sources.list";
Dir::Etc::sourceparts "$APT/etc/sources.list.d";
Dir::Etc::parts "$APT/etc/apt.conf.d";
Dir::Etc::preferencesparts "$APT/etc/preferences.d";
Dir::State "$APT/state";
Dir::State::status "$APT/state/status";
Dir::Cache "$APT/cache";
EOF
  APT_CONFIG=$APT/apt.conf apt-get update -qq
  local packages
  # The libraries' own dependencies, without virtual packages and elogind (systemd's stands in).
  mapfile -t packages < <(APT_CONFIG=$APT/apt.conf apt-cache depends --recurse --no-recommends --no-suggests \
      --no-conflicts --no-breaks --no-replaces --no-enhances --no-pre-depends "${FFMPEG_PACKAGES[@]}" |
    grep -v -e '^ ' -e '<' -e '^libelogind' | sort -u)
  (cd "$APT/debs" && APT_CONFIG=$APT/apt.conf apt-get download -qq "${JDK_PACKAGES[@]}" "${packages[@]}" 2>/dev/null)
  mkdir -p "$SYSROOT"
  for deb in "$APT"/debs/*.deb; do
    dpkg -x "$deb" "$SYSROOT"
  done
  [[ -x $java ]] || die "no ARM64 java in $SYSROOT after unpacking"
}

write_agent() {
  local agent=$WORK/agent start end
  rm -rf "$agent" && mkdir -p "$agent/store"
  # Of the token's form only: neither server is reached, so nothing checks its signature.
  printf 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln\n' >"$agent/agent.token"
  cat >"$agent/agent.yaml" <<EOF
classroom: wuzhong/lubo
tokenFile: agent.token
signaling: ws://127.0.0.1:9/ws
recorder: http://127.0.0.1:9
storage:
  dir: store
  minFree: 0
recording:
  preRoll: 0s
  postRoll: 0s
  segment: ${SEGMENT_SECONDS}s
  format: mpegts
sources:
  - name: teacher
    lavfi: testsrc2=size=320x240:rate=10
    audio: sine=frequency=440:sample_rate=48000
EOF
  start=$(date -u -d "+$START_IN_SECONDS seconds" +%Y-%m-%dT%H:%M:%S+00:00)
  end=$(date -u -d "+$((START_IN_SECONDS + LESSON_SECONDS)) seconds" +%Y-%m-%dT%H:%M:%S+00:00)
  cat >"$agent/store/schedule.json" <<EOF
{"v":1,"type":"schedule","classroom":"wuzhong/lubo","version":1,"timeZone":"Asia/Shanghai","lessons":[{"lesson":"arm64-check#1@$(date -u +%Y-%m-%d)","title":"ARM64","school":"吴中小学","role":"receiving","start":"$start","end":"$end"}]}
EOF
  printf '%s\n' "$end"
}

run_agent() {
  local agent=$WORK/agent end=$1 pid
  log "running edge-agent run on the ARM64 JDK under qemu-aarch64-static (log: $agent/agent.log)"
  qemu-aarch64-static -L "$SYSROOT" "$SYSROOT/usr/lib/jvm/java-17-openjdk-arm64/bin/java" \
    -Xmx256m -Dorg.bytedeco.javacpp.cachedir="$WORK/javacpp-cache" \
    -jar "$JAR" edge-agent run --config "$agent/agent.yaml" >"$agent/agent.log" 2>&1 &
  pid=$!
  # Until the lesson's end and a little more, for the last segment to be finished.
  while (($(date +%s) < $(date -d "$end" +%s) + 15)); do
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$agent/agent.log" >&2; die "the agent stopped by itself"; }
    sleep 1
  done
  kill -TERM "$pid"
  wait "$pid" || true
}

check_segments() {
  local agent=$WORK/agent segments=() s codecs duration
  mapfile -t segments < <(find "$agent/store/lessons" -name '[0-9]*.ts' | sort)
  # Loading FFmpeg's libraries eats up to 10 s of the lesson's start, and the emulated encoder
  # may fall behind on a busy machine: 11 segments of the 12 on a quiet one, 3 at the least.
  ((${#segments[@]} >= MIN_SEGMENTS)) ||
    { tail -n 30 "$agent/agent.log" >&2; die "${#segments[@]} segment(s) closed; expected at least $MIN_SEGMENTS"; }
  local last=${segments[-1]} min
  for s in "${segments[@]}"; do
    # The segment the lesson's end finished may be as short as the end came early in it.
    if [[ $s == "$last" ]]; then min=0; else min=1; fi
    # MPEG-TS lists each stream again under its program: one name each.
    codecs=$(ffprobe -v error -show_entries stream=codec_name -of csv=p=0 "$s" | sed '/^$/d' | sort -u | tr '\n' ' ')
    duration=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$s")
    [[ $codecs == "aac h264 " ]] || die "$s has streams '$codecs', not H.264 and AAC"
    awk -v d="$duration" -v min="$min" 'BEGIN { exit !(d > min && d < 4) }' || die "$s lasts $duration s"
    log "segment $(basename "$(dirname "$s")")/$(basename "$s"): $codecs$duration s"
  done
  log "OK: ${#segments[@]} segments recorded on ARM64 (emulated) read by ffprobe as H.264 + AAC"
}

need_tools
build_jar
check_natives
make_sysroot
qemu-aarch64-static -L "$SYSROOT" "$SYSROOT/usr/lib/jvm/java-17-openjdk-arm64/bin/java" -XshowSettings:properties -version 2>&1 |
  grep -E 'os.arch|java.vm.version' | sed 's/^ */check-arm64: ARM64 JDK /' >&2
lesson_end=$(write_agent)
run_agent "$lesson_end"
check_segments
