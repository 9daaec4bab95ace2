// SPDX-License-Identifier: GPL-2.0
/*
 * Drawing a hypercall: mostly Warden's IDs, some PSCI, SMCCC, Linux stub
 * and anything at all; arguments aimed at the places a root must not
 * reach through Warden (other cells' RAM, their comm pages, the
 * hypervisor), at the module's own pages, and at edge values.
 *
 * Addresses are QEMU virt's (configs/arm64/qemu-virt-board.h): the test
 * image only runs there.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <warden/config.h>
#include <qemu-virt-board.h>

#include "hcfuzz.h"

#define ROOT_RAM ((u64)QEMU_VIRT_RAM_BASE)
#define ROOT_RAM_SIZE ((u64)QEMU_VIRT_ROOT_RAM_SIZE)
#define CELL_POOL ((u64)QEMU_VIRT_POOL_BASE)
#define CELL_POOL_SIZE ((u64)QEMU_VIRT_POOL_SIZE)
/* the one-CPU cells' comm pages: the pool's last 64 KiB */
#define COMM_PAGES ((u64)QEMU_VIRT_POOL_END - 0x10000)
#define LINK_MEM ((u64)QEMU_VIRT_LINK1_MEM) /* the root's shared link */
#define HYPERVISOR ((u64)QEMU_VIRT_HV_BASE)
#define HYPERVISOR_SIZE ((u64)QEMU_VIRT_HV_SIZE)
#define BEYOND_RAM ((u64)QEMU_VIRT_RAM_BASE + QEMU_VIRT_RAM_SIZE)

#define PSCI_BASE 0x84000000ull
#define PSCI_SMC64 0x40000000ull
#define PSCI_CPU_ON 0x84000003ull
#define PSCI_AFFINITY_INFO 0x84000004ull
#define SMCCC_ARCH 0x80000000ull

/* xorshift64*: reproducible from the seed a run prints. */
u64 hcf_rng(struct hcf_run *run)
{
	run->rng ^= run->rng >> 12;
	run->rng ^= run->rng << 25;
	run->rng ^= run->rng >> 27;
	return run->rng * 0x2545f4914f6cdd1dull;
}

static u64 draw_id(struct hcf_run *run)
{
	u64 r = hcf_rng(run);
	u64 low = r >> 8;

	switch (r % 32) {
	case 22:
		return WD_HC_BASE + (low & 0xffff);
	case 23:
	case 24:
		return low % 8;
	case 25:
	case 26:
	case 27:
	case 28:
		return PSCI_BASE + low % 0x20 +
		       ((low >> 16) & 1 ? PSCI_SMC64 : 0);
	case 29:
		return SMCCC_ARCH + (low & 0xffff);
	case 30:
	case 31:
		return hcf_rng(run);
	default:
		return WD_HC_BASE + low % 0x20;
	}
}

static u64 draw_address(struct hcf_run *run, u64 r)
{
	const struct hcf_pages *p = &run->pages;
	u64 off = r >> 8;

	switch (r % 10) {
	case 0:
		return CELL_POOL + off % CELL_POOL_SIZE;
	case 1:
		return COMM_PAGES + off % 0x10000;
	case 2:
		return HYPERVISOR + off % HYPERVISOR_SIZE;
	case 3:
		return ROOT_RAM + off % ROOT_RAM_SIZE;
	case 4:
		return p->out_pa + off % (2 * PAGE_SIZE);
	case 5:
		return p->canary_pa + off % PAGE_SIZE;
	case 6:
		return p->blob_pa + off % PAGE_SIZE;
	case 7:
		return LINK_MEM + off % 0x100000;
	case 8: /* straddling the end of the root's RAM into the pool */
		return CELL_POOL - 0x1000 + off % 0x2000;
	default:
		return BEYOND_RAM + off % 0x80000000ull;
	}
}

static u64 draw_arg(struct hcf_run *run)
{
	u64 r = hcf_rng(run);

	switch (r % 16) {
	case 0:
		return 0;
	case 1:
	case 2:
		return (r >> 8) % 64; /* cell IDs, selectors, CPUs, MPIDRs */
	case 3:
		return ~0ull - (r >> 60);
	case 4:
		return 1ull << ((r >> 8) % 64);
	case 5:
	case 6:
		return hcf_rng(run);
	default:
		return draw_address(run, hcf_rng(run));
	}
}

/* Header and cell descriptor of a blob: what the checker reads first. */
struct blob_start {
	struct wd_header hdr;
	struct wd_cell cell;
};

/* The size the counts of a descriptor call for (no task set). */
static u64 blob_size(const struct wd_cell *c)
{
	return sizeof(struct blob_start) +
	       c->num_mem_regions * sizeof(struct wd_mem_region) +
	       c->num_devices * sizeof(struct wd_device) +
	       c->num_links * sizeof(struct wd_link) +
	       c->num_streams * sizeof(struct wd_stream) +
	       c->num_irqs * sizeof(wd_u32);
}

/*
 * One CELL_CREATE in HCF_BLOB_EVERY gets a blob in the module's page with
 * a valid header, a printable name and small counts, the rest random,
 * and half of the time the size its counts call for: the call gets past
 * the copy and the first checks into the region checks.
 */
#define HCF_BLOB_EVERY 16

static void draw_blob(struct hcf_run *run, struct hcf_call *call)
{
	struct blob_start *b = (struct blob_start *)run->pages.blob;
	u64 *word = (u64 *)run->pages.blob;
	u64 size, r = hcf_rng(run);
	unsigned int i;

	for (i = 0; i < PAGE_SIZE / sizeof(u64); i++)
		word[i] = hcf_rng(run);
	strscpy(b->cell.name, "hcfuzz-blob", sizeof(b->cell.name));
	b->cell.num_mem_regions = r % 5;
	b->cell.num_devices = (r >> 8) % 3;
	b->cell.num_links = (r >> 16) % 3;
	b->cell.num_irqs = (r >> 24) % 4;
	b->cell.num_streams = (r >> 48) % 3;
	size = (r >> 32) % 2 ? blob_size(&b->cell)
			     : sizeof(b->hdr) + (r >> 40) % PAGE_SIZE;
	b->hdr = (struct wd_header){WD_CONFIG_MAGIC, WD_CONFIG_REVISION,
				    WD_KIND_CELL, (u32)size, WD_ARCH_ARM64};
	call->arg[0] = run->pages.blob_pa;
	call->arg[1] = size;
	run->tamed[HCF_TAME_BLOB]++;
}

/*
 * Most drawn sizes exceed a config's limit (one page), and Warden answers
 * -E2BIG before it looks at the address: half of the CELL_CREATE calls
 * get a size that fits, so that the address checks run.
 */
static void draw_create(struct hcf_run *run, struct hcf_call *call)
{
	u64 r = hcf_rng(run);

	if (r % HCF_BLOB_EVERY == 0)
		draw_blob(run, call);
	else if ((r >> 8) % 2)
		call->arg[1] = 1 + (r >> 16) % PAGE_SIZE;
}

/*
 * Calls that read or dump a cell get, half of the time, one of the first
 * cell IDs (0 is the root; the test's cells are the next few), so that
 * their other arguments are checked too, not just the ID.
 */
static void draw_cell_id(struct hcf_run *run, struct hcf_call *call)
{
	u64 r = hcf_rng(run);

	if (r % 2)
		call->arg[0] = (r >> 8) % 4;
}

/*
 * PSCI CPU_ON and AFFINITY_INFO get, half of the time, the MPIDR of one
 * of QEMU virt's four CPUs (0..3): the root's, the cells', and with a
 * root CPU offline, one the filter must hold back.
 */
static void draw_mpidr(struct hcf_run *run, struct hcf_call *call)
{
	u64 fn = call->id & ~PSCI_SMC64;
	u64 r = hcf_rng(run);

	if ((fn == PSCI_CPU_ON || fn == PSCI_AFFINITY_INFO) && r % 2)
		call->arg[0] = (r >> 8) % 4;
}

void hcf_draw(struct hcf_run *run, struct hcf_call *call)
{
	unsigned int i;

	call->id = draw_id(run);
	for (i = 0; i < ARRAY_SIZE(call->arg); i++)
		call->arg[i] = draw_arg(run);
	if (call->id == WD_HC_CELL_CREATE)
		draw_create(run, call);
	if (call->id == WD_HC_CELL_MAPPINGS || call->id == WD_HC_CELL_STATS ||
	    call->id == WD_HC_CELL_STATE)
		draw_cell_id(run, call);
	if (hcf_is_psci(call->id))
		draw_mpidr(run, call);
}
