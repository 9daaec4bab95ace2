#!/bin/sh
# wd-load (in the Linux cell's initramfs for `make bench` case e): each
# CPU's busy share over 2 s from /proc/stat (100 - idle - iowait, in %),
# one line "@@load cpu0=N cpu1=N" that the root parses.
snap() { grep '^cpu[0-9]' /proc/stat; }
snap >/tmp/s0
sleep 2
snap >/tmp/s1
awk 'NR == FNR { for (i = 2; i <= NF; i++) t0[$1] += $i; i0[$1] = $5 + $6; next }
	{ for (i = 2; i <= NF; i++) t1[$1] += $i; i1[$1] = $5 + $6; o[++n] = $1 }
	END { printf "@@load"
	      for (k = 1; k <= n; k++) { c = o[k]; dt = t1[c] - t0[c]
	        printf " %s=%d", c, dt ? 100 - 100 * (i1[c] - i0[c]) / dt : 0 }
	      print "" }' /tmp/s0 /tmp/s1
