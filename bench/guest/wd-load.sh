#!/bin/sh
# wd-load (in the Linux cell's initramfs for `make bench` cases e, e1):
# each CPU's busy share in % (100 - idle - iowait) from /proc/stat, as
# one line "@@load cpu0=N cpu1=N" that the root parses.
#   wd-load        over the next 2 s
#   wd-load since  since the end of the last wd-load (the measurement)
snap() { grep '^cpu[0-9]' /proc/stat; }
if [ "$1" = since ]; then
	mv /tmp/s1 /tmp/s0
else
	snap >/tmp/s0
	sleep 2
fi
snap >/tmp/s1
awk 'NR == FNR { for (i = 2; i <= NF; i++) t0[$1] += $i; i0[$1] = $5 + $6; next }
	{ for (i = 2; i <= NF; i++) t1[$1] += $i; i1[$1] = $5 + $6; o[++n] = $1 }
	END { printf "@@load"
	      for (k = 1; k <= n; k++) { c = o[k]; dt = t1[c] - t0[c]
	        printf " %s=%d", c, dt ? 100 - 100 * (i1[c] - i0[c]) / dt : 0 }
	      print "" }' /tmp/s0 /tmp/s1
