# Scenario vnet-bench (`make bench-net`, docs/bench/vnet.md): vnet's
# boot, pings and transfers only, under -icount (deterministic virtual
# time), for the throughput and RTT figures.
VNET_BENCH=1 VNET_MB=16
. /scenarios/vnet.sh
