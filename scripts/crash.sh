#!/usr/bin/env bash
# Crash campaign: SIGKILL at random points during an import of a generated register, during
# the undo of an interrupted import (the next open), a backup and a restore (also right
# between the renames of its swap, watched through the restore's journal); Ctrl-C and
# SIGTERM during import, backup and restore. After each, the data folder must open, its
# history must verify (`ismsdesk verify`), and the operation must be all or nothing: the
# requirement count is the one before or the one after, a backup file is either absent or
# verifies, and nothing is left behind (no temporary files or folders).
# (There is no schema migration yet, so there is no migration to interrupt.)
#
# CRASH_SHORT=1 runs a short version (about 30 s, `make test`); `make crash` the long one.
# Prints "kills tried N, all-or-nothing held N"; exits 1 when any did not hold.
set -uo pipefail
cd "$(dirname "$0")/.."

if [[ "${CRASH_SHORT:-0}" == 1 ]]; then
	rows=3000 n_import=5 n_undo=3 n_backup=3 n_restore=4 n_cancel=1
else
	rows=50000 n_import=40 n_undo=12 n_backup=15 n_restore=24 n_cancel=3
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/ismsdesk-crash-XXXXXX")
trap 'rm -rf "$work"' EXIT
bin=$work/ismsdesk
CGO_ENABLED=0 go build -o "$bin" ./backend/soak/cmd/ismsdesk-cli || exit 1

reg=$work/register.csv
awk -v n="$rows" 'BEGIN {
	print "Reference,Title,Description,Status,Due date"
	for (i = 1; i <= n; i++)
		printf "CR-%06d,Requirement %d,The organisation shall do thing %d.,Compliant,2026-%02d-%02d\n", i, i, i, 1 + i % 12, 1 + i % 28
}' >"$reg"

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }'; }
# delay LO HI: a random number of seconds between LO and HI.
delay() { awk -v r="$RANDOM" -v lo="$1" -v hi="$2" 'BEGIN { printf "%.3f", lo + r / 32767 * (hi - lo) }'; }
count() { "$bin" --data "$1" list requirements 2>&1 >/dev/null | tail -1 | awk '{ print $1 }'; }
verifies() { "$bin" --data "$1" verify >/dev/null 2>&1; }
# leftovers DIR: temporary files or folders a finished or recovered operation left.
leftovers() {
	find "$(dirname "$1")" -maxdepth 1 \( -name "$(basename "$1").restore-*" -o -name '.ismsdesk-*.tmp' \) 2>/dev/null
	[[ -d "$1-tmp" ]] && find "$1-tmp" -mindepth 1 2>/dev/null
	true
}

"$bin" --data "$work/base" demo >/dev/null || exit 1
before=$(count "$work/base")
after=$((before + rows))
cp -a "$work/base" "$work/big"
t=$(now)
"$bin" --data "$work/big" import requirements "$reg" >/dev/null || exit 1
t_import=$(since "$t")
t=$(now)
"$bin" --data "$work/big" backup --out "$work/big.bak" >/dev/null || exit 1
t_backup=$(since "$t")
cp -a "$work/base" "$work/probe"
t=$(now)
"$bin" --data "$work/probe" restore "$work/big.bak" --force >/dev/null || exit 1
t_restore=$(since "$t")
rm -rf "$work/probe" "$work/probe-"*
echo "register of $rows rows: import ${t_import}s, backup ${t_backup}s, restore ${t_restore}s; $before requirements before, $after after"

tried=0 held=0 renames=0 c_tried=0 c_held=0 temp_left=0
declare -A kind_tried kind_held

# judge KIND DIR [BACKUP [KILLED]]: the folder opens and verifies, holds the count before or
# after, nothing is left behind, and BACKUP (when given) is absent or verifies. A backup
# killed (KILLED=1) may leave its temporary file beside BACKUP: no process survives to remove
# it; it is counted, not failed.
judge() {
	local kind=$1 dir=$2 bak=${3:-} killed=${4:-0} why=""
	verifies "$dir" || why="the history does not verify"
	local n
	n=$(count "$dir")
	[[ -z "$why" && "$n" != "$before" && "$n" != "$after" ]] && why="$n requirements (neither $before nor $after)"
	if [[ -n "$bak" && -e "$bak" ]] && ! "$bin" verify "$bak" >/dev/null 2>&1; then why="a damaged backup file was left"; fi
	local left
	left=$(leftovers "$dir")
	if [[ -n "$bak" ]] && [[ -n $(find "$(dirname "$bak")" -name '.ismsdesk-*.tmp') ]]; then
		if [[ $killed == 1 ]]; then temp_left=$((temp_left + 1)); else left+=" a temporary file beside $bak"; fi
	fi
	[[ -z "$why" && -n "$left" ]] && why="left behind: $left"
	if [[ -z "$why" ]]; then return 0; fi
	echo "FAIL $kind: $why" >&2
	return 1
}

# kill_at SIGNAL SECONDS CMD...: runs CMD, sends SIGNAL after SECONDS; returns CMD's status.
kill_at() {
	local sig=$1 after=$2
	shift 2
	"$@" >/dev/null 2>&1 &
	local pid=$!
	sleep "$after"
	kill -"$sig" "$pid" 2>/dev/null
	{ wait "$pid"; } 2>/dev/null
}

record() { # record KIND OK
	tried=$((tried + 1)) kind_tried[$1]=$((${kind_tried[$1]:-0} + 1))
	if [[ $2 == 0 ]]; then held=$((held + 1)) kind_held[$1]=$((${kind_held[$1]:-0} + 1)); fi
}

hi=$(awk -v t="$t_import" 'BEGIN { print t * 1.1 }')
for ((i = 0; i < n_import; i++)); do
	d=$work/imp$i
	cp -a "$work/base" "$d"
	kill_at KILL "$(delay 0 "$hi")" "$bin" --data "$d" import requirements "$reg"
	judge import "$d"
	record import $?
	rm -rf "$d" "$d"-*
done

for ((i = 0; i < n_undo; i++)); do
	d=$work/undo$i
	cp -a "$work/base" "$d"
	kill_at KILL "$(delay "$(awk -v t="$t_import" 'BEGIN { print t * 0.3 }')" "$(awk -v t="$t_import" 'BEGIN { print t * 0.9 }')")" \
		"$bin" --data "$d" import requirements "$reg"
	# The next open undoes the interrupted import; kill it while it does.
	kill_at KILL "$(delay 0 "$(awk -v t="$t_import" 'BEGIN { print t * 0.5 }')")" "$bin" --data "$d" list requirements
	judge undo "$d"
	record undo $?
	rm -rf "$d" "$d"-*
done

hi=$(awk -v t="$t_backup" 'BEGIN { print t * 1.1 }')
for ((i = 0; i < n_backup; i++)); do
	mkdir -p "$work/out$i"
	kill_at KILL "$(delay 0 "$hi")" "$bin" --data "$work/big" backup --out "$work/out$i/b.bak"
	# The backed-up folder must be untouched (the count after the import).
	ok=0
	judge backup "$work/big" "$work/out$i/b.bak" 1 || ok=1
	[[ $(count "$work/big") == "$after" ]] || { echo "FAIL backup: the backed-up folder changed" >&2; ok=1; }
	record backup $ok
	rm -rf "$work/out$i"
done

hi=$(awk -v t="$t_restore" 'BEGIN { print t * 1.1 }')
for ((i = 0; i < n_restore; i++)); do
	d=$work/res$i
	cp -a "$work/base" "$d"
	if ((i % 2 == 1)); then
		# Between the renames: kill as soon as the swap's journal appears.
		"$bin" --data "$d" restore "$work/big.bak" --force >/dev/null 2>&1 &
		pid=$!
		while kill -0 "$pid" 2>/dev/null && [[ ! -e "$d.restore-journal" ]]; do :; done
		[[ -e "$d.restore-journal" ]] && renames=$((renames + 1))
		kill -KILL "$pid" 2>/dev/null
		{ wait "$pid"; } 2>/dev/null
	else
		kill_at KILL "$(delay 0 "$hi")" "$bin" --data "$d" restore "$work/big.bak" --force
	fi
	judge restore "$d"
	record restore $?
	rm -rf "$d" "$d"-* "$d".*
done

# Ctrl-C and SIGTERM: exit 0 (finished first) or 130, all or nothing, nothing left behind.
cancel() { # cancel KIND SIGNAL STATUS DIR [BACKUP]
	local ok=0
	[[ $3 == 0 || $3 == 130 ]] || { echo "FAIL $1 $2: exit status $3" >&2; ok=1; }
	judge "$1 $2" "$4" "${5:-}" || ok=1
	c_tried=$((c_tried + 1))
	[[ $ok == 0 ]] && c_held=$((c_held + 1))
}
for ((i = 0; i < n_cancel; i++)); do
	for sig in INT TERM; do
		d=$work/c$i$sig
		cp -a "$work/base" "$d"
		kill_at "$sig" "$(delay 0.2 "$(awk -v t="$t_import" 'BEGIN { print t * 0.8 }')")" "$bin" --data "$d" import requirements "$reg"
		cancel import "$sig" $? "$d"
		mkdir -p "$work/o$i$sig"
		kill_at "$sig" "$(delay 0.1 "$(awk -v t="$t_backup" 'BEGIN { print t * 0.8 }')")" "$bin" --data "$work/big" backup --out "$work/o$i$sig/b.bak"
		cancel backup "$sig" $? "$work/big" "$work/o$i$sig/b.bak"
		kill_at "$sig" "$(delay 0.1 "$(awk -v t="$t_restore" 'BEGIN { print t * 0.8 }')")" "$bin" --data "$d" restore "$work/big.bak" --force
		cancel restore "$sig" $? "$d"
		rm -rf "$d" "$d"-* "$d".* "$work/o$i$sig"
	done
done

for k in import undo backup restore; do
	echo "  $k: kills tried ${kind_tried[$k]:-0}, all-or-nothing held ${kind_held[$k]:-0}"
done
echo "  restore killed between the renames of its swap: $renames"
echo "  backup killed leaving its temporary file beside the output (never at the output's name): $temp_left"
echo "  Ctrl-C and SIGTERM (import, backup, restore): tried $c_tried, clean $c_held"
echo "kills tried $tried, all-or-nothing held $held"
[[ $tried == "$held" && $c_tried == "$c_held" ]]
