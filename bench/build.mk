# `make bench`: the interrupt-latency benchmark (bench/run.sh, under 15
# minutes on 2 cores), then the EL2 cost table (bench/el2-costs.sh, a
# few minutes per GIC), then the RTOS tick rows (bench/rtos.sh, about
# 6 minutes), which write docs/bench/. `make bench-smoke`: the
# quick sanity run of the latency inmate that `make test` can include.
BENCH_BUSY := $(OUT)/bench/wd-busy
BENCH_INMATE := $(INMATE_OUT)/latency.elf $(INMATE_OUT)/latency.bin
ALL_TARGETS += $(BENCH_BUSY)
include bench/rtos.mk

# The root cell's load in case (c): static, like the guest CLI.
$(BENCH_BUSY): bench/guest/busy.c
	@mkdir -p $(dir $@)
	$(CROSS)gcc $(HOST_CFLAGS) -static -o $@ $<

.PHONY: bench bench-smoke bench-net bench-x86
bench: all $(BENCH_BUSY) $(BENCH_INMATE)
	@bash bench/run.sh
	@bash bench/el2-costs.sh
	@bash bench/rtos.sh

# warden-net between the root and a Linux cell, in virtual time
# (bench/vnet.sh, docs/bench/vnet.md): ~10 minutes.
bench-net: all
	@bash bench/vnet.sh

# The x86 rows alone (bench/x86.sh, docs/bench/latency-x86.md): ~5 s.
bench-x86: $(OUT)/x86/inmates/latency.bin
	@bash bench/x86.sh

# The smoke's direct-IRQ case boots root Linux with Warden: it needs all.
bench-smoke: all $(BENCH_BUSY) $(BENCH_INMATE)
	@bash bench/smoke.sh
