// SPDX-License-Identifier: GPL-2.0
/*
 * The checker's arm64 rules (wd/config_rules.h): the GIC, its interrupt
 * numbers (SGIs, PPIs, SPIs) and the MPIDRs of platform.arm64. Built with
 * hypervisor/config.c wherever the checker is: freestanding, no libc, no
 * allocation, every blob value a claim (see config.c).
 */
#include <warden/config.h>
#include <wd/config_check.h>
#include <wd/config_rules.h>

#define PAGE_MASK (WD_PAGE_SIZE - 1)
#define GIC_PPI_FIRST 16u
#define GIC_SPI_FIRST 32u
#define GIC_LINES_MAX 1024u /* 32 * (GICD_TYPER.ITLinesNumber + 1) */
#define GIC_INTID_LIMIT 1020u /* 1020..1023 are special INTIDs */
#define MPIDR_AFF_MASK 0xff00ffffffull

#define SMMU_SIZE 0x20000ull /* SMMUv3 register pages 0 and 1 */
#define SMMU_ALIGN 0x10000ull
#define SMMU_SID_BITS_MAX 15u /* a page of two-level descriptors */

_Static_assert(sizeof(struct wd_platform_arm64) == 608,
	       "wd_platform_arm64 layout");

struct named_range {
	const char *name;
	wd_u64 start;
	wd_u64 size;
};

static wd_u32 platform_irq_limit(const struct wd_platform *p)
{
	return p->arm64.num_irqs < GIC_INTID_LIMIT ? p->arm64.num_irqs
						   : GIC_INTID_LIMIT;
}

/* SGIs and PPIs are per CPU and Warden's business: cells own SPIs only. */
static void check_irqs_are_spis(struct checker *ck, const struct wd_cell *c)
{
	struct wdc_irq ref;
	unsigned int i;

	for (i = 0; i < wdc_irq_count(c); i++) {
		wdc_irq_get(c, i, &ref);
		if (ref.intid < GIC_SPI_FIRST && !(ref.optional && !ref.intid))
			wdc_violation(ck, ref.field, ref.index, WDV_IRQ_NOT_SPI,
				      ref.intid);
	}
}

static unsigned int gic_frame_add(struct named_range *out, unsigned int n,
				  const char *name, wd_u64 base, wd_u64 size)
{
	if (!base)
		return n; /* unset: check_gic() reports it */
	out[n].name = name;
	out[n].start = base;
	out[n].size = size;
	return n + 1;
}

/*
 * The GIC windows every cell (the root too) finds at these guest-physical
 * addresses: the distributor and v3 redistributors, trapped and emulated,
 * and on v2 the CPU interface, where Warden maps the virtual CPU
 * interface. Sizes: distributor 64 KiB, v2 CPU interface 8 KiB, v3
 * redistributors 128 KiB (RD + SGI frames) per CPU.
 */
static unsigned int gic_windows(const struct wd_platform *p,
				struct named_range out[2])
{
	unsigned int n;

	if (p->arm64.gic_version != WD_GIC_V2 &&
	    p->arm64.gic_version != WD_GIC_V3)
		return 0;
	n = gic_frame_add(out, 0, "distributor", p->arm64.gicd_base, 0x10000);
	if (p->arm64.gic_version == WD_GIC_V3)
		return gic_frame_add(out, n, "redistributors",
				     p->arm64.gicr_base,
				     0x20000ull * wdc_platform_cpus(p));
	return gic_frame_add(out, n, "CPU interface", p->arm64.gicc_base,
			     0x2000);
}

/*
 * The physical GIC frames Warden keeps to itself: the windows, plus on v2
 * the hypervisor interface (4 KiB) and virtual CPU interface (8 KiB).
 */
static unsigned int gic_frames(const struct wd_platform *p,
			       struct named_range out[4])
{
	unsigned int n = gic_windows(p, out);

	if (p->arm64.gic_version != WD_GIC_V2)
		return p->arm64.gits_base
			       ? gic_frame_add(out, n, "ITS control frame",
					       p->arm64.gits_base, 0x10000)
			       : n;
	n = gic_frame_add(out, n, "hypervisor interface", p->arm64.gich_base,
			  0x1000);
	return gic_frame_add(out, n, "virtual CPU interface",
			     p->arm64.gicv_base, 0x2000);
}

static void check_gic_base(struct checker *ck, const char *field, wd_u64 base,
			   unsigned int version)
{
	if (!base)
		wdc_violation(ck, field, -1, WDV_GIC_BASE_UNSET, version);
	else if (base & PAGE_MASK)
		wdc_violation(ck, field, -1, WDV_GIC_BASE_UNALIGNED, base);
}

static void check_gic_in_ram(struct checker *ck, const struct wd_system *sys)
{
	struct named_range frame[4];
	unsigned int i, n = gic_frames(&sys->platform, frame);

	for (i = 0; i < n; i++)
		if (wdc_ranges_overlap(frame[i].start, frame[i].size,
				       sys->ram.start, sys->ram.size))
			wdc_violation(ck, "platform", -1, WDV_GIC_IN_RAM,
				      WDC_S(frame[i].name), frame[i].start);
}

static void check_gic(struct checker *ck, const struct wd_system *sys)
{
	const struct wd_platform *p = &sys->platform;
	unsigned int v = p->arm64.gic_version;

	if (v != WD_GIC_V2 && v != WD_GIC_V3) {
		wdc_violation(ck, "platform.arm64.gic_version", -1,
			      WDV_GIC_VERSION, v);
		return;
	}
	check_gic_base(ck, "platform.arm64.gicd_base", p->arm64.gicd_base, v);
	if (v == WD_GIC_V3) {
		check_gic_base(ck, "platform.arm64.gicr_base",
			       p->arm64.gicr_base, v);
		if (p->arm64.gits_base & PAGE_MASK)
			wdc_violation(ck, "platform.arm64.gits_base", -1,
				      WDV_GIC_BASE_UNALIGNED,
				      p->arm64.gits_base);
	} else if (p->arm64.gits_base) {
		wdc_violation(ck, "platform.arm64.gits_base", -1,
			      WDV_MUST_BE_ZERO, p->arm64.gits_base);
	}
	if (v == WD_GIC_V2) {
		check_gic_base(ck, "platform.arm64.gicc_base",
			       p->arm64.gicc_base, v);
		check_gic_base(ck, "platform.arm64.gich_base",
			       p->arm64.gich_base, v);
		check_gic_base(ck, "platform.arm64.gicv_base",
			       p->arm64.gicv_base, v);
	}
	check_gic_in_ram(ck, sys);
}

static void check_gic_lines(struct checker *ck, const struct wd_platform *p)
{
	if (p->arm64.num_irqs < GIC_SPI_FIRST ||
	    p->arm64.num_irqs > GIC_LINES_MAX || p->arm64.num_irqs % 32)
		wdc_violation(ck, "platform.arm64.num_irqs", -1,
			      WDV_GIC_NUM_IRQS, p->arm64.num_irqs,
			      GIC_LINES_MAX);
	if (p->arm64.maint_irq < GIC_PPI_FIRST ||
	    p->arm64.maint_irq >= GIC_SPI_FIRST)
		wdc_violation(ck, "platform.arm64.maint_irq", -1,
			      WDV_GIC_MAINT_IRQ, p->arm64.maint_irq);
}

/* Sets *other to an earlier CPU with the same MPIDR, if there is one. */
static int mpidr_taken(const struct wd_platform *p, unsigned int cpu,
		       unsigned int *other)
{
	for (*other = 0; *other < cpu; (*other)++)
		if (p->arm64.mpidr[*other] == p->arm64.mpidr[cpu])
			return 1;
	return 0;
}

static void check_mpidrs(struct checker *ck, const struct wd_platform *p)
{
	unsigned int cpu, other;

	if (!p->num_cpus || p->num_cpus > WD_MAX_CPUS)
		return; /* reported; the table cannot be judged against it */
	for (cpu = 0; cpu < WD_MAX_CPUS; cpu++) {
		if (cpu >= p->num_cpus && p->arm64.mpidr[cpu])
			wdc_violation(ck, "platform.arm64.mpidr", (int)cpu,
				      WDV_MPIDR_UNUSED, p->arm64.mpidr[cpu]);
		if (cpu >= p->num_cpus)
			continue;
		if (p->arm64.mpidr[cpu] & ~MPIDR_AFF_MASK)
			wdc_violation(ck, "platform.arm64.mpidr", (int)cpu,
				      WDV_MPIDR_BITS, p->arm64.mpidr[cpu]);
		if (mpidr_taken(p, cpu, &other))
			wdc_violation(ck, "platform.arm64.mpidr", (int)cpu,
				      WDV_MPIDR_TWICE, p->arm64.mpidr[cpu],
				      other);
	}
}

static void check_irqs_exist(struct checker *ck, const struct wd_cell *c,
			     const struct wd_system *sys)
{
	wd_u32 limit = platform_irq_limit(&sys->platform);
	struct wdc_irq ref;
	unsigned int i;

	for (i = 0; i < wdc_irq_count(c); i++) {
		wdc_irq_get(c, i, &ref);
		if (ref.intid >= GIC_INTID_LIMIT)
			wdc_violation(ck, ref.field, ref.index, WDV_IRQ_SPECIAL,
				      ref.intid, GIC_INTID_LIMIT);
		else if (ref.intid >= GIC_SPI_FIRST && ref.intid >= limit)
			wdc_violation(ck, ref.field, ref.index, WDV_IRQ_MISSING,
				      ref.intid, sys->platform.arm64.num_irqs);
	}
}

/* r, seen at addr (physical or guest-physical), against GIC frames. */
static void check_gic_overlap(struct checker *ck, const struct wdc_resource *r,
			      wd_u64 addr, const struct named_range *f,
			      unsigned int n, unsigned int code)
{
	for (; n; n--, f++)
		if (wdc_ranges_overlap(addr, r->size, f->start, f->size))
			wdc_violation(ck, r->field, r->index, code, addr,
				      r->size, WDC_S(f->name), f->start);
}

static void check_links_exist(struct checker *ck, const struct wd_cell *c,
			      const struct wd_system *sys)
{
	wd_u32 limit = platform_irq_limit(&sys->platform);
	unsigned int i;

	/* Special INTIDs (>= 1020) are check_link_doorbell()'s to report. */
	for (i = 0; i < c->num_links; i++)
		if (wd_cell_links(c)[i].doorbell_irq >= limit &&
		    wd_cell_links(c)[i].doorbell_irq < GIC_INTID_LIMIT)
			wdc_violation(ck, "links", (int)i, WDV_DOORBELL_MISSING,
				      wd_cell_links(c)[i].doorbell_irq,
				      sys->platform.arm64.num_irqs);
}

/*
 * Direct delivery needs the GICv3 system-register CPU interface: Group 1
 * to the cell's EL1, Warden's SGI in Group 0 (Documentation/interrupts.md
 * says why GICv2 cannot).
 */
static void check_direct_irq_in_system(struct checker *ck,
				       const struct wd_cell *c,
				       const struct wd_system *sys)
{
	if ((c->flags & WD_CELL_DIRECT_IRQ) &&
	    sys->platform.arm64.gic_version != WD_GIC_V3)
		wdc_violation(ck, "flags", -1, WDV_DIRECT_IRQ_GICV2,
			      sys->platform.arm64.gic_version);
}

/* Warden checks ID_AA64PFR0_EL1 again at create: this is the early word. */
static void check_aarch32_in_system(struct checker *ck, const struct wd_cell *c,
				    const struct wd_system *sys)
{
	if ((c->flags & WD_CELL_AARCH32) &&
	    !(sys->platform.arm64.features & WD_ARM64_AARCH32_EL1))
		wdc_violation(ck, "flags", -1, WDV_AARCH32_NO_FEATURE);
}

/* The root is the running (AArch64) Linux: it cannot change state. */
static void check_aarch32_alone(struct checker *ck, const struct wd_cell *c,
				int is_root)
{
	if (is_root && (c->flags & WD_CELL_AARCH32))
		wdc_violation(ck, "flags", -1, WDV_AARCH32_ROOT);
}

/* The root's GIC writes are checked always: never dropped in silence. */
static void check_gic_ignore_alone(struct checker *ck, const struct wd_cell *c,
				   int is_root)
{
	if (is_root && (c->flags & WD_CELL_GIC_IGNORE))
		wdc_violation(ck, "flags", -1, WDV_ROOT_GIC_IGNORE);
}

/* The doorbell is an SPI: Warden makes it pending in the distributor. */
static void check_doorbells_are_spis(struct checker *ck,
				     const struct wd_cell *c)
{
	const struct wd_link *l = wd_cell_links(c);
	unsigned int i;

	for (i = 0; i < c->num_links; i++)
		if (l[i].doorbell_irq < GIC_SPI_FIRST ||
		    l[i].doorbell_irq >= GIC_INTID_LIMIT)
			wdc_violation(ck, "links", (int)i, WDV_DOORBELL_NOT_SPI,
				      l[i].doorbell_irq);
}

/* The union's bytes after the arm64 part: nothing may hide there. */
static void check_arm64_unused(struct checker *ck, const struct wd_platform *p)
{
	unsigned int i = sizeof(p->arm64) / sizeof(wd_u64);

	if (p->arm64.features & ~WD_ARM64_ALL_FEATURES)
		wdc_violation(
			ck, "platform.arm64.features", -1, WDV_UNKNOWN_FEATURES,
			(wd_u64)(p->arm64.features & ~WD_ARM64_ALL_FEATURES));
	for (; i < WD_ARRAY_SIZE(p->arch_raw); i++)
		if (p->arch_raw[i])
			wdc_violation(ck, "platform.arch_raw", (int)i,
				      WDV_ARCH_RAW_NONZERO, p->arch_raw[i]);
}

/* No SMMU: the fields that describe one stay 0. */
static void check_no_smmu(struct checker *ck, const struct wd_platform *p)
{
	if (p->arm64.smmu_size)
		wdc_violation(ck, "platform.arm64.smmu_size", -1,
			      WDV_MUST_BE_ZERO, p->arm64.smmu_size);
	if (p->arm64.smmu_stage)
		wdc_violation(ck, "platform.arm64.smmu_stage", -1,
			      WDV_MUST_BE_ZERO, p->arm64.smmu_stage);
	if (p->arm64.smmu_sid_bits)
		wdc_violation(ck, "platform.arm64.smmu_sid_bits", -1,
			      WDV_MUST_BE_ZERO, p->arm64.smmu_sid_bits);
	if (p->arm64.smmu_evtq_irq)
		wdc_violation(ck, "platform.arm64.smmu_evtq_irq", -1,
			      WDV_MUST_BE_ZERO, p->arm64.smmu_evtq_irq);
	if (p->arm64.smmu_gerror_irq)
		wdc_violation(ck, "platform.arm64.smmu_gerror_irq", -1,
			      WDV_MUST_BE_ZERO, p->arm64.smmu_gerror_irq);
}

/* An SMMU interrupt: none (0), or an SPI the GIC has. */
static void check_smmu_irq(struct checker *ck, const char *field, wd_u32 irq,
			   const struct wd_platform *p)
{
	if (irq && irq < GIC_SPI_FIRST)
		wdc_violation(ck, field, -1, WDV_IRQ_NOT_SPI, irq);
	else if (irq && irq >= platform_irq_limit(p))
		wdc_violation(ck, field, -1, WDV_IRQ_MISSING, irq,
			      p->arm64.num_irqs);
}

/*
 * Warden maps the SMMU's two 64 KiB pages and sizes its stream table from
 * smmu_sid_bits (two levels above 6 bits: 15 bits fill the first level's
 * page).
 */
static void check_smmu(struct checker *ck, const struct wd_system *sys)
{
	const struct wd_platform_arm64 *a = &sys->platform.arm64;

	if (!a->smmu_base) {
		check_no_smmu(ck, &sys->platform);
		return;
	}
	if ((a->smmu_base & (SMMU_ALIGN - 1)) || a->smmu_size != SMMU_SIZE ||
	    wdc_ranges_overlap(a->smmu_base, a->smmu_size, sys->ram.start,
			       sys->ram.size))
		wdc_violation(ck, "platform.arm64.smmu_base", -1,
			      WDV_SMMU_WINDOW, a->smmu_base, a->smmu_size);
	if (a->smmu_stage != WD_SMMU_STAGE1 && a->smmu_stage != WD_SMMU_STAGE2)
		wdc_violation(ck, "platform.arm64.smmu_stage", -1,
			      WDV_SMMU_STAGE, a->smmu_stage);
	if (!a->smmu_sid_bits || a->smmu_sid_bits > SMMU_SID_BITS_MAX)
		wdc_violation(ck, "platform.arm64.smmu_sid_bits", -1,
			      WDV_SMMU_SID_BITS, a->smmu_sid_bits);
	check_smmu_irq(ck, "platform.arm64.smmu_evtq_irq", a->smmu_evtq_irq,
		       &sys->platform);
	check_smmu_irq(ck, "platform.arm64.smmu_gerror_irq", a->smmu_gerror_irq,
		       &sys->platform);
}

/* The SMMU's interrupts are Warden's: no cell may take one. */
static void check_irqs_not_smmu(struct checker *ck, const struct wd_cell *c,
				const struct wd_system *sys)
{
	const struct wd_platform_arm64 *a = &sys->platform.arm64;
	struct wdc_irq ref;
	unsigned int i;

	for (i = 0; a->smmu_base && i < wdc_irq_count(c); i++) {
		wdc_irq_get(c, i, &ref);
		if (ref.intid && (ref.intid == a->smmu_evtq_irq ||
				  ref.intid == a->smmu_gerror_irq))
			wdc_violation(ck, ref.field, ref.index, WDV_IRQ_SMMU,
				      ref.intid);
	}
}

/* A stream the SMMU's stream table has no entry for would abort. */
static void check_streams_exist(struct checker *ck, const struct wd_cell *c,
				const struct wd_system *sys)
{
	const struct wd_stream *st = wd_cell_streams(c);
	wd_u32 bits = sys->platform.arm64.smmu_sid_bits;
	unsigned int i;

	for (i = 0; sys->platform.arm64.smmu_base && i < c->num_streams; i++)
		if (bits && bits <= SMMU_SID_BITS_MAX && (st[i].id >> bits))
			wdc_violation(ck, "streams", (int)i, WDV_STREAM_RANGE,
				      st[i].id, bits);
}

static int device_has_stream(const struct wd_cell *c, unsigned int dev)
{
	const struct wd_stream *st = wd_cell_streams(c);
	unsigned int i;

	for (i = 0; i < c->num_streams; i++)
		if (st[i].device == dev)
			return 1;
	return 0;
}

/* With an SMMU, a DMA device without a stream could not DMA at all. */
static void check_dma_streams(struct checker *ck, const struct wd_cell *c,
			      const struct wd_system *sys)
{
	const struct wd_device *d = wd_cell_devices(c);
	unsigned int i;

	for (i = 0; sys->platform.arm64.smmu_base && i < c->num_devices; i++)
		if ((d[i].flags & WD_DEV_DMA) && !device_has_stream(c, i))
			wdc_violation(ck, "devices", (int)i, WDV_DMA_NO_STREAM);
}

static void arm64_platform(struct checker *ck, const struct wd_system *sys)
{
	check_gic(ck, sys);
	check_smmu(ck, sys);
	check_gic_lines(ck, &sys->platform);
	check_mpidrs(ck, &sys->platform);
	check_arm64_unused(ck, &sys->platform);
}

static void arm64_cell_alone(struct checker *ck, const struct wd_cell *c,
			     int is_root)
{
	check_aarch32_alone(ck, c, is_root);
	check_gic_ignore_alone(ck, c, is_root);
	check_irqs_are_spis(ck, c);
	check_doorbells_are_spis(ck, c);
}

static void arm64_cell_in_system(struct checker *ck, const struct wd_cell *c,
				 const struct wd_system *sys)
{
	check_irqs_exist(ck, c, sys);
	check_links_exist(ck, c, sys);
	check_direct_irq_in_system(ck, c, sys);
	check_aarch32_in_system(ck, c, sys);
	check_streams_exist(ck, c, sys);
	check_dma_streams(ck, c, sys);
	check_irqs_not_smmu(ck, c, sys);
}

/*
 * A region over a GIC window would take the cell's GIC away: stage 2
 * maps the region where Warden traps the distributor or maps the virtual
 * CPU interface (a plain 1:1 region is physically on the frame: named by
 * the second check). The physical GIC frames are Warden's: no cell maps
 * them 1:1; coloured RAM is not at phys, its frames are checked elsewhere.
 * Trust: region and platform come from blobs; gic_windows() and
 * gic_frames() bound the sizes, wdc_ranges_overlap() saturates.
 */
static void arm64_resource(struct checker *ck, const struct wdc_resource *r,
			   const struct wd_system *sys)
{
	struct named_range frame[4];
	unsigned int n = gic_windows(&sys->platform, frame);

	if (r->coloured || r->ipa != r->phys)
		check_gic_overlap(ck, r, r->ipa, frame, n, WDV_IPA_OVER_GIC);
	n = gic_frames(&sys->platform, frame);
	if (!r->coloured)
		check_gic_overlap(ck, r, r->phys, frame, n, WDV_MAPS_GIC);
	if (!r->coloured && sys->platform.arm64.smmu_base &&
	    wdc_ranges_overlap(r->phys, r->size, sys->platform.arm64.smmu_base,
			       SMMU_SIZE))
		wdc_violation(ck, r->field, r->index, WDV_MAPS_SMMU, r->phys,
			      r->size, sys->platform.arm64.smmu_base);
}

const struct wdc_arch_rules wdc_arm64_rules = {
	.platform = arm64_platform,
	.cell_alone = arm64_cell_alone,
	.cell_in_system = arm64_cell_in_system,
	.resource = arm64_resource,
};
