/* SPDX-License-Identifier: GPL-2.0 */
/*
 * warden-hcfuzz.ko: a test-only module that sends hypercalls with random
 * function IDs and arguments from the root cell (docs/robustness.md).
 * Only the test image carries it; nothing loads it but a test.
 */
#ifndef WARDEN_HCFUZZ_H
#define WARDEN_HCFUZZ_H

#include <linux/types.h>
#include <warden/hypercall.h>

/* One hypercall: x0 and x1..x3. */
struct hcf_call {
	u64 id;
	u64 arg[3];
};

/*
 * Rows of the report: every ID falls in exactly one kind, by the same
 * rules Warden uses to route a call (arch/arm64/traps.c, psci.c).
 */
enum hcf_kind {
	HCF_KIND_WARDEN_PAST = WD_HC_COUNT, /* 0xc6000000 + n, no handler */
	HCF_KIND_VENDOR, /* any other 0xc600xxxx */
	HCF_KIND_STUB, /* Linux hyp-stub IDs 0..7 */
	HCF_KIND_PSCI, /* + function number 0..0x1f */
	HCF_KIND_SMCCC = HCF_KIND_PSCI + 0x20, /* 0x8000xxxx */
	HCF_KIND_OTHER,
	HCF_KINDS
};

/* Why a drawn call was not sent (the exclusions of docs/robustness.md). */
enum hcf_skip {
	HCF_SKIP_DISABLE,
	HCF_SKIP_LIVE_CELL,
	HCF_SKIP_CPU_OFF,
	HCF_SKIP_SYSTEM_OFF_RESET,
	HCF_SKIP_CPU_ON_ROOT,
	HCF_SKIPS
};

/* Calls sent but with one argument changed, and why. */
enum hcf_tame {
	HCF_TAME_MAPPINGS_BUF, /* a root RAM pointer moved into our buffer */
	HCF_TAME_PUTC, /* a valid character made invalid */
	HCF_TAME_BLOB, /* a config-shaped blob built for CELL_CREATE */
	HCF_TAME_WRITE, /* a CONSOLE_WRITE of Linux RAM made too long */
	HCF_TAMES
};

#define HCF_TABLE_ROWS 512
#define HCF_RET_DATA S64_MAX /* any value >= HCF_RET_SMALL: data, not code */
#define HCF_RET_SMALL 16

struct hcf_row {
	u32 kind;
	s64 ret;
	u64 count;
};

/* How often each (kind, return value) came back. */
struct hcf_table {
	struct hcf_row row[HCF_TABLE_ROWS];
	unsigned int rows;
	u64 lost; /* pairs past HCF_TABLE_ROWS */
};

#define HCF_MAX_CPUS 8

/*
 * Pages of the module's own that arguments may point to: out takes
 * CELL_MAPPINGS dumps (two pages, so an unaligned dump stays inside),
 * canary must never change, blob holds config-shaped garbage.
 */
struct hcf_pages {
	u8 *out, *canary, *blob;
	u64 out_pa, canary_pa, blob_pa;
};

/* One run: its drawing state, its counters and its report's table. */
struct hcf_run {
	u64 rng;
	u64 seed;
	u64 calls;
	u64 sent;
	u64 skipped[HCF_SKIPS];
	u64 tamed[HCF_TAMES];
	/* must-fail calls that succeeded (hcfuzz_run.c): each is a bug */
	u64 anomalies;
	u64 ns;
	bool canary_intact;
	unsigned int num_root_offline;
	bool no_cpu_on; /* an offline root CPU's MPIDR is unknown */
	u64 root_offline_mpidr[HCF_MAX_CPUS];
	struct hcf_pages pages;
	struct hcf_table table;
};

/* hcfuzz_draw.c */
u64 hcf_rng(struct hcf_run *run);
void hcf_draw(struct hcf_run *run, struct hcf_call *call);

/* hcfuzz_kind.c */
unsigned int hcf_kind_of(u64 id);
bool hcf_is_psci(u64 id);
int hcf_kind_name(unsigned int kind, char *buf, size_t size);

/* hcfuzz_filter.c */
int hcf_filter(struct hcf_run *run, struct hcf_call *call);
void hcf_find_root_offline(struct hcf_run *run);

/* hcfuzz_pages.c */
int hcf_pages_alloc(struct hcf_pages *p);
void hcf_pages_free(struct hcf_pages *p);
bool hcf_canary_intact(const struct hcf_pages *p);

/* hcfuzz_table.c */
void hcf_count(struct hcf_table *t, u64 id, long ret);
size_t hcf_report(struct hcf_run *run, char *buf, size_t size);

/* hcfuzz_run.c */
long hcf_hvc(u64 id, u64 a1, u64 a2, u64 a3);
int hcf_run(struct hcf_run *run);

/* hcfuzz_gicr.c: the gicr debugfs file in dir. */
struct dentry;
void hcf_gicr_create(struct dentry *dir);
size_t hcf_inflight_report(char *buf, size_t size);

#endif
