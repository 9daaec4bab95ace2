set terminal pngcairo size 1800,420 font ',10'
set output 'docs/bench/latency.png'
set datafile separator ','
set multiplot layout 1,4
set logscale xy
set xrange [0.8:*]
set yrange [0.7:*]
set xlabel 'latency (ticks of 16 ns = 2 instructions)'
set ylabel 'samples'
set grid
set title "(a) bare metal, GICv3\nmode 1, p99 1, max 1"
plot 'docs/bench/latency-a-gicv3.csv' skip 1 using 1:3:1:($2+1):(0.7):3 with boxxyerrorbars fs solid 0.6 lc rgb '#3060a0' notitle
set title "(a') bare metal, busy loops on CPUs 1-3, GICv3\nmode 1, p99 7, max 11"
plot 'docs/bench/latency-a1-gicv3.csv' skip 1 using 1:3:1:($2+1):(0.7):3 with boxxyerrorbars fs solid 0.6 lc rgb '#3060a0' notitle
set title "(b) Warden cell, root idle, GICv3\nmode 32, p99 32, max 3646"
plot 'docs/bench/latency-b-gicv3.csv' skip 1 using 1:3:1:($2+1):(0.7):3 with boxxyerrorbars fs solid 0.6 lc rgb '#3060a0' notitle
set title "(c) Warden cell, root loaded, GICv3\nmode 38, p99 553, max 6009"
plot 'docs/bench/latency-c-gicv3.csv' skip 1 using 1:3:1:($2+1):(0.7):3 with boxxyerrorbars fs solid 0.6 lc rgb '#3060a0' notitle
unset multiplot
