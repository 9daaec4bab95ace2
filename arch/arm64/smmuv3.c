// SPDX-License-Identifier: GPL-2.0
/*
 * SMMUv3 DMA isolation (Documentation/dma.md; register layout from Arm's
 * SMMUv3 architecture specification, IHI 0070). Warden takes the SMMU at
 * enable (the root's config must not map it), keeps a stream table (up
 * to 6 ID bits one linear page; up to 15 two levels, a page of 64 entries
 * allocated per range in use), a command queue and an event queue in its
 * own memory. A stream listed in a cell's
 * config translates through that cell's memory; any other stream ID is
 * invalid and aborts (C_BAD_STE / C_BAD_STREAMID events).
 *
 * Two ways to translate, chosen by platform.arm64.smmu_stage:
 *  stage 1: Warden builds tables for the SMMU (input = the owner's
 *   guest-physical address, output = physical) from the owner's memory
 *   regions, in the EL2 descriptor format (AP[1] set: any privilege);
 *   QEMU 7.2 models only this.
 *  stage 2: the STE points at the owner's own stage-2 tables and VMID.
 * At disable the SMMU is switched off with GBPA in bypass, as at reset:
 * the root's devices go on using physical addresses.
 *
 * Trust: stream IDs come from checked configs (below 2^smmu_sid_bits);
 * the event queue is written by the SMMU, read only within its bounds.
 * Callers hold the management lock (enable, create, destroy, disable);
 * the queues have their own lock: arch_stage2_flush() and the root's
 * hypercalls (arch_dma_events(), on any root CPU) use them too.
 */
#include <arch.h>
#include <arch/mmu.h>
#include <arch/smmu.h>
#include <arch/sysreg.h>
#include <arch/vgic.h>
#include <wd/cell.h>
#include <wd/cell_colour.h>
#include <wd/config_check.h>
#include <wd/page_pool.h>
#include <wd/errno.h>
#include <wd/paging.h>
#include <wd/printk.h>
#include <wd/ratelimit.h>
#include <wd/spinlock.h>
#include <wd/string.h>

#define IDR0 0x00
#define IDR5 0x14
#define CR0 0x20
#define CR0ACK 0x24
#define CR1 0x28
#define CR2 0x2c
#define GBPA 0x44
#define IRQ_CTRL 0x50
#define IRQ_CTRLACK 0x54
#define GERROR 0x60
#define GERRORN 0x64
#define GERROR_IRQ_CFG0 0x68
#define STRTAB_BASE 0x80
#define STRTAB_BASE_CFG 0x88
#define CMDQ_BASE 0x90
#define CMDQ_PROD 0x98
#define CMDQ_CONS 0x9c
#define EVENTQ_BASE 0xa0
#define EVENTQ_IRQ_CFG0 0xb0
#define EVENTQ_PROD 0x100a8 /* page 1 */
#define EVENTQ_CONS 0x100ac

#define CR0_SMMUEN BIT(0)
#define CR0_QUEUES (BIT(2) | BIT(3)) /* EVENTQEN, CMDQEN */
/* Queues and tables write-back cacheable, inner shareable. */
#define CR1_WB_ISH 0xd55u
#define CR2_RECINVSID BIT(1) /* report stream IDs beyond the table */
#define GBPA_UPDATE BIT(31)
#define IRQ_GERROR BIT(0)
#define IRQ_EVENTQ BIT(2)

#define Q_LOG2 5u /* 32 entries: commands 512 B, events 1 KiB */
#define Q_MASK ((2u << Q_LOG2) - 1) /* index and wrap bit */
#define Q_IDX(p) ((p) & ((1u << Q_LOG2) - 1))
#define Q_RA BIT(62)

#define CMD_CFGI_STE 0x03
#define CMD_TLBI_NSNH_ALL 0x30
#define CMD_SYNC 0x46

#define STE_WORDS 8
#define LEAF_BITS 6 /* STRTAB_BASE_CFG.SPLIT: a leaf is one page */
#define L1_SPAN_LEAF 7 /* 2^(7 - 1) = 64 STEs */
#define STE_V BIT(0)
#define STE_S1 (5ull << 1)
#define STE_S2 (6ull << 1)
/* STE word 1: CD fetch WB/WB/inner shareable; SHCFG: use incoming. */
#define STE1_CD_WB ((1ull << 2) | (1ull << 4) | (3ull << 6) | (1ull << 44))
/* STE word 2 / CD word 0 walk attributes: WB, inner shareable */
#define S2_WALK ((1ull << 40) | (1ull << 42) | (3ull << 44))
#define CD_WALK ((1ull << 8) | (1ull << 10) | (3ull << 12))
/* CD word 0: EPD1, V, AA64, R (record faults), A (abort), ASET */
#define CD_FIXED (BIT(30) | BIT(31) | BIT(41) | BIT(45) | BIT(46) | BIT(47))
#define S2_AA64_R (BIT(51) | BIT(58))
#define SPIN_LIMIT 1000000u

static u64 base; /* 0: no SMMU */
static u32 stage;
static u32 sid_bits;
/* Linear: 2^sid_bits STEs of 8 words. Two levels: L1 descriptors. */
static u64 *strtab;
static u64 *leaf[1u << (15 - LEAF_BITS)]; /* two levels: 64 STEs each */
static u64 *cmdq; /* 2 words per command */
static u64 *evtq; /* 4 words per event */
static u64 *cds; /* one CD of 8 words per owner slot */
static u32 cmd_prod;
static u64 ips;
static u32 irq[2]; /* event queue, global error (INTIDs); 0: none */
static struct ratelimit flood[RL_CAUSES]; /* event interrupts */
static spinlock_t queue_lock;
/* Stage 1: the SMMU's tables per owner; slot 0 the root, n + 1 cell n. */
static struct paging s1[WD_MAX_CELLS + 1];
/* Who owns each owner slot (0 the root), for the event report. */
static const struct cell *slot_cell[WD_MAX_CELLS + 1];

static u32 rd32(u64 off)
{
	return *(volatile u32 *)paging_ptr(base + off);
}

static void wr32(u64 off, u32 v)
{
	*(volatile u32 *)paging_ptr(base + off) = v;
}

static void wr64(u64 off, u64 v)
{
	*(volatile u64 *)paging_ptr(base + off) = v;
}

/* Waits (bounded: a wedged SMMU must not hang Warden) for reg == v. */
static int wait32(u64 off, u32 mask, u32 v)
{
	unsigned int n;

	for (n = 0; n < SPIN_LIMIT; n++)
		if ((rd32(off) & mask) == v)
			return 0;
	printk("SMMU: register 0x%llx stuck\n", off);
	return -EIO;
}

static int set_cr0(u32 v)
{
	wr32(CR0, v);
	return wait32(CR0ACK, ~0u, v);
}

static unsigned int slot_of(const struct cell *cell)
{
	return cell == &root_cell ? 0 : cell_slot(cell) + 1;
}

static void cmd(u64 w0, u64 w1)
{
	u64 *e = cmdq + 2 * Q_IDX(cmd_prod);

	e[0] = w0;
	e[1] = w1;
	arch_dcache_clean(paging_pa(e), 16);
	cmd_prod = (cmd_prod + 1) & Q_MASK;
	dsb(ishst);
	wr32(CMDQ_PROD, cmd_prod);
}

/* At most two commands precede a sync: the queue never fills. */
static int sync(void)
{
	cmd(CMD_SYNC, 0);
	return wait32(CMDQ_CONS, Q_MASK, cmd_prod);
}

static bool two_level(void)
{
	return sid_bits > LEAF_BITS;
}

/* The STE of sid, or NULL (two levels: no leaf there yet). */
static u64 *ste_of(u32 sid)
{
	u64 *l2 = two_level() ? leaf[sid >> LEAF_BITS] : strtab;

	if (two_level())
		sid &= (1u << LEAF_BITS) - 1;
	return l2 ? l2 + (u64)sid * STE_WORDS : 0;
}

/* Two levels: the leaf for sid, made (all entries invalid) if needed. */
static int leaf_make(u32 sid)
{
	u64 **l2 = &leaf[sid >> LEAF_BITS];

	if (!two_level() || *l2)
		return 0;
	*l2 = page_alloc();
	if (!*l2)
		return -ENOMEM;
	arch_dcache_clean(paging_pa(*l2), PAGE_SIZE);
	strtab[sid >> LEAF_BITS] = paging_pa(*l2) | L1_SPAN_LEAF;
	arch_dcache_clean(paging_pa(&strtab[sid >> LEAF_BITS]), 8);
	return 0; /* the CFGI_STE of ste_write() drops a cached L1 entry */
}

/* Invalid first, so the SMMU never reads a half-written entry. */
static int ste_write(u32 sid, const u64 w[4])
{
	u64 *ste;
	unsigned int i;

	spin_lock(&queue_lock);
	if (leaf_make(sid)) {
		spin_unlock(&queue_lock);
		return -ENOMEM;
	}
	ste = ste_of(sid);
	ste[0] = 0;
	arch_dcache_clean(paging_pa(ste), 64);
	cmd(CMD_CFGI_STE | (u64)sid << 32, 1);
	sync();
	for (i = 1; i < 4; i++)
		ste[i] = w[i];
	dsb(ishst);
	ste[0] = w[0];
	arch_dcache_clean(paging_pa(ste), 64);
	cmd(CMD_CFGI_STE | (u64)sid << 32, 1);
	cmd(CMD_TLBI_NSNH_ALL, 0);
	sync();
	spin_unlock(&queue_lock);
	return 0;
}

static void ste_for(const struct cell *cell, u64 w[4])
{
	u64 vttbr = cell->arch.vttbr;

	w[1] = STE1_CD_WB;
	w[2] = 0;
	w[3] = 0;
	if (stage == WD_SMMU_STAGE2) {
		w[0] = STE_V | STE_S2;
		w[2] = vttbr >> VTTBR_VMID_SHIFT | (u64)(64 - VA_BITS) << 32 |
		       1ull << 38 | S2_WALK | ips << 48 | S2_AA64_R;
		w[3] = vttbr & ((1ull << VTTBR_VMID_SHIFT) - 1);
		return;
	}
	w[0] = STE_V | STE_S1 | paging_pa(cds + 8 * slot_of(cell));
}

static u32 region_flags(u32 f)
{
	u32 pg = PG_READ | (f & WD_MEM_WRITE ? PG_WRITE : 0);

	return f & WD_MEM_IO ? pg | PG_DEVICE : pg;
}

/* Stage 1: the owner's regions, IPA to PA (not comm, not coloured). */
static int s1_build(const struct cell *cell, struct paging *pg)
{
	const struct wd_mem_region *m = wd_cell_mem(cell->desc);
	unsigned int i;
	int err = paging_create(pg, &arch_hyp_paging);

	for (i = 0; !err && i < cell->desc->num_mem_regions; i++) {
		if ((m[i].flags & WD_MEM_COMM) ||
		    region_is_coloured(cell->desc, &m[i]))
			continue;
		err = paging_map(pg, m[i].virt_start, m[i].phys_start,
				 m[i].size, region_flags(m[i].flags));
	}
	if (err)
		paging_destroy(pg); /* none of it reached the SMMU */
	return err;
}

static void cd_write(const struct cell *cell)
{
	u64 *cd = cds + 8 * slot_of(cell);

	cd[1] = paging_pa(s1[slot_of(cell)].root);
	cd[3] = MAIR_EL2_VALUE;
	dsb(ishst);
	cd[0] = (64 - VA_BITS) | CD_WALK | CD_FIXED | ips << 32 |
		(u64)(slot_of(cell) + 1) << 48;
	arch_dcache_clean(paging_pa(cd), 64);
}

int smmu_map(struct paging *hyp, const struct wd_system *sys)
{
	const struct wd_platform_arm64 *a = &sys->platform.arm64;

	base = a->smmu_base;
	if (!base)
		return 0;
	stage = a->smmu_stage;
	sid_bits = a->smmu_sid_bits;
	irq[0] = a->gic_version == WD_GIC_V3 ? a->smmu_evtq_irq : 0;
	irq[1] = a->gic_version == WD_GIC_V3 ? a->smmu_gerror_irq : 0;
	cmd_prod = 0;
	/* Nothing of a previous enable: its pool pages are gone. */
	memset(s1, 0, sizeof(s1));
	memset(leaf, 0, sizeof(leaf));
	memset(slot_cell, 0, sizeof(slot_cell));
	strtab = page_alloc();
	cmdq = page_alloc();
	evtq = page_alloc();
	cds = page_alloc();
	if (!strtab || !cmdq || !evtq || !cds)
		return -ENOMEM;
	if (sid_bits > 15)
		return -EINVAL; /* the checker refuses it */
	arch_dcache_clean(paging_pa(strtab), PAGE_SIZE);
	return paging_map(hyp, base, base, a->smmu_size, PG_RW | PG_DEVICE);
}

static int smmu_probe(void)
{
	u32 idr0 = rd32(IDR0);
	u32 oas = rd32(IDR5) & 7;

	ips = oas > 5 ? 5 : oas;
	if (!(idr0 & (stage == WD_SMMU_STAGE2 ? BIT(0) : BIT(1))) ||
	    !(idr0 & BIT(3)) || (two_level() && !(idr0 & BIT(27)))) {
		printk("SMMU: no stage %u with AArch64 tables%s (IDR0 0x%x)\n",
		       stage, two_level() ? " or 2-level streams" : "", idr0);
		return -ENODEV;
	}
	return 0;
}

/*
 * The wired interrupts, taken as Warden's own FIQs (vgic_keep_spi): a
 * fault is reported when the SMMU records it. A line Warden cannot take
 * (no config entry, GICv2, a GIC with two security states) stays off:
 * events then wait for the root's next hypercall. MSIs off (CFG0 0).
 */
static int irqs_on(void)
{
	u32 en = 0;

	if (irq[0] && !vgic_keep_spi(&root_cell, irq[0], true))
		en |= IRQ_EVENTQ;
	if (irq[1] && !vgic_keep_spi(&root_cell, irq[1], true))
		en |= IRQ_GERROR;
	wr64(EVENTQ_IRQ_CFG0, 0);
	wr64(GERROR_IRQ_CFG0, 0);
	wr32(IRQ_CTRL, en);
	return wait32(IRQ_CTRLACK, ~0u, en);
}

/* Tables, queues, then translation on: every root stream set first. */
static int smmu_start(void)
{
	int err = smmu_probe() ?: set_cr0(0);

	if (err)
		return err;
	wr32(CR1, CR1_WB_ISH);
	wr32(CR2, CR2_RECINVSID);
	wr64(STRTAB_BASE, Q_RA | paging_pa(strtab));
	wr32(STRTAB_BASE_CFG,
	     two_level() ? BIT(16) | LEAF_BITS << 6 | sid_bits : sid_bits);
	wr64(CMDQ_BASE, Q_RA | paging_pa(cmdq) | Q_LOG2);
	wr32(CMDQ_PROD, 0);
	wr32(CMDQ_CONS, 0);
	wr64(EVENTQ_BASE, Q_RA | paging_pa(evtq) | Q_LOG2);
	wr32(EVENTQ_PROD, 0);
	wr32(EVENTQ_CONS, 0);
	return set_cr0(CR0_QUEUES) ?: irqs_on();
}

static int streams_to(const struct cell *cell)
{
	const struct wd_stream *st = wd_cell_streams(cell->desc);
	unsigned int i;
	u64 w[4];
	int err = 0;

	ste_for(cell, w);
	for (i = 0; !err && i < cell->desc->num_streams; i++)
		err = ste_write(st[i].id, w);
	return err;
}

int smmu_cell_init(struct cell *cell)
{
	int err = 0;

	if (!base || (cell != &root_cell && !cell->desc->num_streams))
		return 0; /* no tables for a cell without DMA streams */
	if (cell == &root_cell)
		err = smmu_start();
	if (!err && stage == WD_SMMU_STAGE1)
		err = s1_build(cell, &s1[slot_of(cell)]);
	if (err)
		return err;
	if (stage == WD_SMMU_STAGE1)
		cd_write(cell);
	slot_cell[slot_of(cell)] = cell;
	err = streams_to(cell);
	if (err) { /* no leaf page: what was set goes back */
		smmu_cell_exit(cell);
		return err;
	}
	if (cell == &root_cell)
		err = set_cr0(CR0_QUEUES | CR0_SMMUEN);
	return err;
}

static bool root_has_stream(u32 sid)
{
	const struct wd_stream *st = wd_cell_streams(root_cell.desc);
	unsigned int i;

	for (i = 0; i < root_cell.desc->num_streams; i++)
		if (st[i].id == sid)
			return true;
	return false;
}

/* Lent streams go back to the root; the rest abort (invalid STE). */
static void streams_back(const struct cell *cell)
{
	const struct wd_stream *st = wd_cell_streams(cell->desc);
	u64 w[4] = {0, 0, 0, 0};
	unsigned int i;

	for (i = 0; i < cell->desc->num_streams; i++) {
		bool back = root_has_stream(st[i].id);

		if (back)
			ste_for(&root_cell, w);
		/* Both leaves exist: the root's, and the one just used. */
		ste_write(st[i].id, back ? w : (u64[4]){0, 0, 0, 0});
	}
}

/* Bypass as at reset (GBPA.ABORT clear): Linux's DMA goes on as before. */
void smmu_cell_exit(struct cell *cell)
{
	if (!base)
		return;
	if (cell == &root_cell) {
		wr32(IRQ_CTRL, 0);
		for (unsigned int i = 0; i < 2; i++)
			if (irq[i])
				vgic_keep_spi(&root_cell, irq[i], false);
		set_cr0(0);
		wr32(GBPA, GBPA_UPDATE);
		wait32(GBPA, GBPA_UPDATE, 0);
	} else {
		streams_back(cell);
	}
	slot_cell[slot_of(cell)] = 0;
	if (stage == WD_SMMU_STAGE1)
		paging_destroy(&s1[slot_of(cell)]);
}

void smmu_stage2_flush(void)
{
	if (base && stage == WD_SMMU_STAGE2) {
		spin_lock(&queue_lock);
		cmd(CMD_TLBI_NSNH_ALL, 0);
		sync();
		spin_unlock(&queue_lock);
	}
}

/* The owner an STE names: its CD (stage 1) or VMID (stage 2). */
static const char *owner_name(u64 sid)
{
	const u64 *ste = sid >> sid_bits ? 0 : ste_of((u32)sid);
	u64 slot;

	if (!ste || !(ste[0] & STE_V))
		return "no cell";
	if (stage == WD_SMMU_STAGE2)
		slot = (ste[2] & 0xffff) - 1; /* the root's VMID is 1 */
	else
		slot = ((ste[0] & ((1ull << 52) - 64)) - paging_pa(cds)) / 64;
	return slot <= WD_MAX_CELLS && slot_cell[slot] ? slot_cell[slot]->name
						       : "?";
}

static void report(const u64 *e, unsigned int repeats)
{
	if (repeats)
		printk("SMMU: and %u more of event 0x%llx, stream 0x%llx\n",
		       repeats, e[0] & 0xff, e[0] >> 32);
}

/*
 * One line per event: type, stream (and its owner), address; the events
 * that follow of the same type and stream (a device retrying, a buffer
 * faulting word by word) are counted, not printed: at most 32 per call.
 */
void arch_dma_events(void)
{
	const u64 *e, *last = 0;
	unsigned int same = 0;
	u32 prod, cons;

	if (!base || !spin_trylock(&queue_lock))
		return; /* another root CPU is reading them */
	prod = rd32(EVENTQ_PROD);
	for (cons = rd32(EVENTQ_CONS); (prod ^ cons) & Q_MASK;
	     cons = (cons + 1) & Q_MASK) {
		e = evtq + 4 * Q_IDX(cons);
		arch_dcache_clean(paging_pa(e), 32);
		if (last && ((e[0] ^ last[0]) & ~0xff00ull) == 0) {
			same++;
			continue;
		}
		report(last, same);
		printk("SMMU: DMA fault 0x%llx, stream 0x%llx (%s), "
		       "address 0x%llx\n",
		       e[0] & 0xff, e[0] >> 32, owner_name(e[0] >> 32), e[2]);
		last = e;
		same = 0;
	}
	report(last, same);
	wr32(EVENTQ_CONS, cons | (prod & BIT(31)));
	spin_unlock(&queue_lock);
}

/*
 * Warden's FIQ (traps.c): the event queue's line drains it now; a global
 * error (GERROR bits differing from GERRORN) is printed and acknowledged.
 * Either may come on any CPU that runs CPU 0's work: cells included.
 */
bool smmu_irq(u32 intid)
{
	u32 g;

	if (!base || !intid || (intid != irq[0] && intid != irq[1]))
		return false;
	if (intid == irq[0]) {
		if (!ratelimit(flood, RL_REFUSED, 1, "SMMU")) {
			/* A cell's device faulting on and on: CPU 0 would
			 * take an FIQ per event. Back to the hypercalls. */
			wr32(IRQ_CTRL, IRQ_GERROR & rd32(IRQ_CTRL));
			printk("SMMU: event flood: its interrupt off\n");
		}
		arch_dma_events();
		return true;
	}
	g = rd32(GERROR);
	if (g ^ rd32(GERRORN)) /* 0x4: the event queue was full */
		printk("SMMU: global error 0x%x\n", g ^ rd32(GERRORN));
	wr32(GERRORN, g);
	return true;
}
