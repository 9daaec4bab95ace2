// SPDX-License-Identifier: GPL-2.0
/*
 * Config validator: checks the blobs of include/warden/config.h and
 * reports every broken rule through a callback.
 *
 * Freestanding on purpose: the same file runs at EL2 in the hypervisor
 * (which must not trust the root cell's blobs), in the kernel-free guest
 * CLI and in the host CLI. No libc, no allocation, no recursion, a small
 * bounded stack; anything a blob says is a claim to verify, never an
 * offset or a size to follow before it was checked against the blob size.
 * The rules of one arch (its interrupt controller, CPU identifiers) live
 * beside its code, behind wd/config_rules.h; this file knows none.
 */
#include <warden/config.h>
#include <warden/rtos.h>
#include <wd/colour.h>
#include <wd/config_check.h>
#include <wd/config_rules.h>

#define ADDR_LIMIT (1ull << 48) /* ARMv8.0 maximum PA and IPA size */
#define PAGE_MASK (WD_PAGE_SIZE - 1)
#define DEVICE_NAME_LEN 16
#define BANK_BITS_MAX 6 /* a cell's banks are one 64-bit mask */
/* Colouring walks the pool frame by frame: bound the walk (4 Mi frames). */
#define COLOUR_POOL_MAX (16ull << 30)

/* The format promises fixed sizes; catch a change of layout at build. */
_Static_assert(sizeof(struct wd_header) == 16, "wd_header layout");
_Static_assert(sizeof(struct wd_mem_region) == 32, "wd_mem_region layout");
_Static_assert(sizeof(struct wd_device) == 40, "wd_device layout");
_Static_assert(sizeof(struct wd_cell) == 96, "wd_cell layout");
_Static_assert(sizeof(struct wd_platform) == 680, "wd_platform layout");
_Static_assert(sizeof(struct wd_system) == 744, "wd_system layout");
_Static_assert(sizeof(((struct wd_device *)0)->name) == DEVICE_NAME_LEN,
	       "wd_device name length");

/* Copies an untrusted name for messages: bounded, printable ASCII only. */
static void name_sanitise(char *out, const char *name, unsigned int len)
{
	unsigned int i;

	for (i = 0; i + 1 < len && name[i]; i++) {
		unsigned char c = (unsigned char)name[i];

		out[i] = (c >= 0x20 && c < 0x7f) ? (char)c : '?';
	}
	out[i] = '\0';
}

static unsigned int name_length(const char *name, unsigned int max)
{
	unsigned int n = 0;

	while (n < max && name[n])
		n++;
	return n;
}

static int names_equal(const char *a, const char *b, unsigned int max)
{
	unsigned int i;

	for (i = 0; i < max; i++) {
		if (a[i] != b[i])
			return 0;
		if (!a[i])
			return 1;
	}
	return 1;
}

/* ---- The checker: where violations go and whom they are about. ---- */

struct checker {
	struct wd_check_report *report;
	struct wd_check_report quiet; /* used when the caller passes none */
	const char *cell; /* NULL, or name[] */
	char name[WD_NAME_LEN];
	int subject;
	unsigned int count_before;
	const struct wdc_arch_rules *arch; /* from the header; 0 = unknown */
};

static void checker_init(struct checker *ck, struct wd_check_report *report,
			 int subject)
{
	*ck = (struct checker){.subject = subject};
	ck->report = report ? report : &ck->quiet;
	ck->count_before = ck->report->count;
}

static void checker_about(struct checker *ck, const struct wd_cell *cell,
			  int subject)
{
	name_sanitise(ck->name, cell->name, WD_NAME_LEN);
	ck->cell = ck->name;
	ck->subject = subject;
}

static int checker_result(const struct checker *ck)
{
	return ck->report->count == ck->count_before ? 0 : -WD_EINVAL;
}

#define violation(...) wdc_violation(__VA_ARGS__)

_Static_assert(WDV_NUM_CODES <= 1u << WDC_ARGS_SHIFT, "codes fit code_args");

void wdc_report(struct checker *ck, const char *field, int index,
		unsigned int code_args, const wd_u64 *arg)
{
	struct wd_violation v = {ck->cell,
				 field,
				 index,
				 code_args & ((1u << WDC_ARGS_SHIFT) - 1),
				 code_args >> WDC_ARGS_SHIFT,
				 arg};

	ck->report->count++;
	ck->report->subject = ck->subject;
	if (ck->report->violation)
		(ck->report->violation)(ck->report->ctx, &v);
}

void wdc_report_field(struct checker *ck, const char *field,
		      unsigned int code_args, const wd_u64 *arg)
{
	wdc_report(ck, field, -1, code_args, arg);
}

/* ---- Address ranges. Sizes may be hostile: ends saturate. ---- */

static wd_u64 range_end(wd_u64 start, wd_u64 size)
{
	wd_u64 end = start + size;

	return end < start ? ~0ull : end;
}

int wdc_ranges_overlap(wd_u64 a, wd_u64 a_size, wd_u64 b, wd_u64 b_size)
{
	return a_size && b_size && a < range_end(b, b_size) &&
	       b < range_end(a, a_size);
}

static int range_inside(wd_u64 a, wd_u64 a_size, wd_u64 outer,
			wd_u64 outer_size)
{
	return a >= outer &&
	       range_end(a, a_size) <= range_end(outer, outer_size);
}

static void check_size(struct checker *ck, const char *field, int index,
		       wd_u64 size)
{
	if (!size)
		violation(ck, field, index, WDV_SIZE_ZERO);
	else if (size & PAGE_MASK)
		violation(ck, field, index, WDV_SIZE_NOT_PAGES, size);
}

/* start must be page aligned and start + size inside 48-bit space. */
static void check_span(struct checker *ck, const char *field, int index,
		       const char *what, wd_u64 start, wd_u64 size)
{
	if (start & PAGE_MASK)
		violation(ck, field, index, WDV_START_UNALIGNED, WDC_S(what),
			  start);
	if (start >= ADDR_LIMIT || size > ADDR_LIMIT - start)
		violation(ck, field, index, WDV_SPAN_BEYOND_48BIT, WDC_S(what),
			  start, size);
}

/* ---- Blob layout: header, descriptor and arrays inside the blob. ---- */

struct layout {
	const struct wd_header *hdr;
	const struct wd_system *sys; /* system blobs only */
	const struct wd_cell *cell; /* the root cell in a system blob */
};

static wd_u64 fixed_size(unsigned int kind)
{
	wd_u64 size = sizeof(struct wd_header) + sizeof(struct wd_cell);

	return kind == WD_KIND_SYSTEM ? size + sizeof(struct wd_system) : size;
}

static wd_u64 rt_taskset_size(const struct wd_cell *c)
{
	return c->flags & WD_CELL_RT_TASKSET ? sizeof(struct wd_rt_taskset) : 0;
}

/* Counts are 32-bit: the products cannot overflow 64 bits. */
static wd_u64 arrays_size(const struct wd_cell *c)
{
	return (wd_u64)c->num_mem_regions * sizeof(struct wd_mem_region) +
	       (wd_u64)c->num_devices * sizeof(struct wd_device) +
	       rt_taskset_size(c) +
	       (wd_u64)c->num_links * sizeof(struct wd_link) +
	       (wd_u64)c->num_streams * sizeof(struct wd_stream) +
	       (wd_u64)c->num_irqs * sizeof(wd_u32);
}

static const char *kind_name(unsigned int kind)
{
	return kind == WD_KIND_SYSTEM ? "system" : "cell";
}

static int check_header_readable(struct checker *ck, const void *blob,
				 wd_u64 size)
{
	if (!blob) {
		violation(ck, "blob", -1, WDV_NO_BUFFER);
		return -WD_EINVAL;
	}
	if ((unsigned long)blob & 7) {
		violation(ck, "blob", -1, WDV_BUFFER_UNALIGNED);
		return -WD_EINVAL;
	}
	if (size < sizeof(struct wd_header)) {
		violation(ck, "header", -1, WDV_TRUNCATED_HEADER, size,
			  sizeof(struct wd_header));
		return -WD_EINVAL;
	}
	return 0;
}

/*
 * The rules of each arch a blob may be for, by wd_header.arch
 * (wdc_arch_rules_of(): every arch in the tools, Warden's own in Warden).
 * An arch without rules is refused: nobody could say whether its
 * platform part is sane.
 */
static const struct wdc_arch_rules *arch_rules(wd_u32 arch)
{
	return wdc_arch_rules_of(arch);
}

static const char *arch_name(wd_u32 arch)
{
	if (arch == WD_ARCH_ARM64)
		return "arm64";
	return arch == WD_ARCH_X86 ? "x86" : "unknown";
}

/* The layout is the same for every arch: only an unknown one is fatal. */
static int check_arch_known(struct checker *ck, const struct wd_header *hdr)
{
	ck->arch = arch_rules(hdr->arch);
	if (hdr->arch == WD_ARCH_ARM64 || hdr->arch == WD_ARCH_X86)
		return 0;
	violation(ck, "arch", -1, WDV_ARCH_UNKNOWN, hdr->arch);
	return -WD_EINVAL;
}

/* Rules need the arch's: a blob of an arch without them is refused. */
static int check_arch_rules(struct checker *ck, const struct wd_header *hdr)
{
	if (ck->arch)
		return 0;
	violation(ck, "arch", -1, WDV_ARCH_NO_RULES, hdr->arch,
		  WDC_S(arch_name(hdr->arch)));
	return -WD_EINVAL;
}

/* Magic, revision and kind decide how to read the rest: fatal if wrong. */
static int check_header(struct checker *ck, const struct wd_header *hdr,
			unsigned int kind)
{
	int bad = 0;

	if (hdr->magic != WD_CONFIG_MAGIC) {
		violation(ck, "magic", -1, WDV_BAD_MAGIC, hdr->magic,
			  WD_CONFIG_MAGIC);
		return -WD_EINVAL;
	}
	if (hdr->revision != WD_CONFIG_REVISION) {
		violation(ck, "revision", -1, WDV_BAD_REVISION, hdr->revision,
			  WD_CONFIG_REVISION);
		bad = 1;
	}
	if (hdr->kind != kind) {
		violation(ck, "kind", -1, WDV_BAD_KIND, hdr->kind, kind,
			  WDC_S(kind_name(kind)));
		bad = 1;
	}
	/* Before revision 4 arch was reserved (0): say only "rebuild". */
	if (!bad && check_arch_known(ck, hdr))
		bad = 1;
	return bad ? -WD_EINVAL : 0;
}

static int check_count(struct checker *ck, const char *field, wd_u32 n,
		       wd_u32 max)
{
	if (n <= max)
		return 0;
	violation(ck, field, -1, WDV_COUNT_OVER_LIMIT, n, max);
	return 1;
}

static int check_counts(struct checker *ck, const struct wd_cell *c)
{
	int bad = check_count(ck, "num_mem_regions", c->num_mem_regions,
			      WD_MAX_MEM_REGIONS);

	bad |= check_count(ck, "num_devices", c->num_devices, WD_MAX_DEVICES);
	bad |= check_count(ck, "num_links", c->num_links, WD_MAX_LINKS);
	bad |= check_count(ck, "num_streams", c->num_streams, WD_MAX_STREAMS);
	bad |= check_count(ck, "num_irqs", c->num_irqs, WD_MAX_IRQS);
	return bad ? -WD_EINVAL : 0;
}

/*
 * total_size must equal the blob, and the blob must end with the arrays
 * (plus the padding a C compiler adds to round the struct to 8 bytes).
 */
static void check_total_size(struct checker *ck, const struct wd_header *hdr,
			     wd_u64 size, wd_u64 needed)
{
	wd_u64 padded = (needed + 7) & ~7ull;

	if (hdr->total_size != size)
		violation(ck, "total_size", -1, WDV_TOTAL_SIZE_MISMATCH,
			  hdr->total_size, size);
	if (size != needed && size != padded)
		violation(ck, "total_size", -1, WDV_BLOB_TRAILING, size,
			  needed);
}

static int check_arrays_fit(struct checker *ck, const struct wd_cell *c,
			    unsigned int kind, wd_u64 size)
{
	wd_u64 needed;

	if (check_counts(ck, c))
		return -WD_EINVAL;
	needed = fixed_size(kind) + arrays_size(c);
	if (size < needed) {
		violation(ck, "total_size", -1, WDV_TRUNCATED_ARRAYS, size,
			  needed);
		return -WD_EINVAL;
	}
	return 0;
}

/* Fills lay when the blob is safe to read through the accessors. */
static int check_layout(struct checker *ck, const void *blob, wd_u64 size,
			unsigned int kind, struct layout *lay)
{
	if (check_header_readable(ck, blob, size))
		return -WD_EINVAL;
	lay->hdr = blob;
	if (check_header(ck, lay->hdr, kind))
		return -WD_EINVAL;
	if (size < fixed_size(kind)) {
		violation(ck, "header", -1, WDV_TRUNCATED_DESCRIPTOR, size,
			  WDC_S(kind_name(kind)), fixed_size(kind));
		return -WD_EINVAL;
	}
	lay->sys = kind == WD_KIND_SYSTEM ? wd_config_system(blob) : 0;
	lay->cell = kind == WD_KIND_SYSTEM ? wd_config_root(blob)
					   : wd_config_cell(blob);
	checker_about(ck, lay->cell, ck->subject);
	if (check_arrays_fit(ck, lay->cell, kind, size))
		return -WD_EINVAL;
	check_total_size(ck, lay->hdr, size,
			 fixed_size(kind) + arrays_size(lay->cell));
	return 0;
}

/* ---- Accessors (trust the counts: call after a successful layout). ---- */

const struct wd_system *wd_config_system(const void *system_blob)
{
	return (const void *)((const char *)system_blob +
			      sizeof(struct wd_header));
}

const struct wd_cell *wd_config_root(const void *system_blob)
{
	return (const void *)(wd_config_system(system_blob) + 1);
}

const struct wd_cell *wd_config_cell(const void *cell_blob)
{
	return (const void *)((const char *)cell_blob +
			      sizeof(struct wd_header));
}

const struct wd_mem_region *wd_cell_mem(const struct wd_cell *cell)
{
	return (const void *)(cell + 1);
}

const struct wd_device *wd_cell_devices(const struct wd_cell *cell)
{
	return (const void *)(wd_cell_mem(cell) + cell->num_mem_regions);
}

const struct wd_rt_taskset *wd_cell_rt_taskset(const struct wd_cell *cell)
{
	if (!(cell->flags & WD_CELL_RT_TASKSET))
		return (const void *)0;
	return (const void *)(wd_cell_devices(cell) + cell->num_devices);
}

const struct wd_link *wd_cell_links(const struct wd_cell *cell)
{
	return (const void *)((const char *)(wd_cell_devices(cell) +
					     cell->num_devices) +
			      rt_taskset_size(cell));
}

const struct wd_stream *wd_cell_streams(const struct wd_cell *cell)
{
	return (const void *)(wd_cell_links(cell) + cell->num_links);
}

const wd_u32 *wd_cell_irqs(const struct wd_cell *cell)
{
	return (const void *)(wd_cell_streams(cell) + cell->num_streams);
}

int wd_check_layout(const void *blob, wd_u64 size, unsigned int kind)
{
	struct checker ck;
	struct layout lay;

	checker_init(&ck, 0, WD_CHECK_SYSTEM);
	return check_layout(&ck, blob, size, kind, &lay);
}

/* ---- Views over a cell: its memory (regions + devices) and IRQs. ---- */

static int is_ram(wd_u32 flags)
{
	return !(flags & WD_MEM_IO);
}

/*
 * A coloured cell's RAM that is neither IO nor SHARED does not lie at
 * phys_start: it takes frames of the cell's colours (and banks) from
 * phys_start on, in address order (wd/colour.h).
 */
static int is_coloured(const struct wd_cell *c, wd_u32 flags)
{
	return c->colours && is_ram(flags) && !(flags & WD_MEM_SHARED);
}

static unsigned int resource_count(const struct wd_cell *c)
{
	return c->num_mem_regions + c->num_devices;
}

static void resource_get(const struct wd_cell *c, unsigned int i,
			 struct wdc_resource *r)
{
	const struct wd_mem_region *m;
	const struct wd_device *d;

	if (i < c->num_mem_regions) {
		m = &wd_cell_mem(c)[i];
		r->field = "mem";
		r->index = (int)i;
		r->phys = m->phys_start;
		r->ipa = m->virt_start;
		r->size = m->size;
		r->flags = m->flags;
		r->coloured = is_coloured(c, m->flags);
		return;
	}
	d = &wd_cell_devices(c)[i - c->num_mem_regions];
	r->field = "devices";
	r->index = (int)(i - c->num_mem_regions);
	r->phys = d->mmio_start;
	r->ipa = d->mmio_start;
	r->size = d->mmio_size;
	r->flags = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_IO;
	r->coloured = 0;
}

unsigned int wdc_irq_count(const struct wd_cell *c)
{
	return c->num_irqs + c->num_devices;
}

void wdc_irq_get(const struct wd_cell *c, unsigned int i, struct wdc_irq *ref)
{
	unsigned int n = c->num_irqs;

	if (i < n)
		*ref = (struct wdc_irq){"irqs", (int)i, wd_cell_irqs(c)[i], 0};
	else
		*ref = (struct wdc_irq){"devices", (int)(i - n),
					wd_cell_devices(c)[i - n].irq, 1};
}

/* ---- Rules about one cell that need no platform knowledge. ---- */

static void check_cell_name(struct checker *ck, const struct wd_cell *c)
{
	unsigned int len = name_length(c->name, WD_NAME_LEN);

	if (len == WD_NAME_LEN)
		violation(ck, "name", -1, WDV_NAME_UNTERMINATED, WD_NAME_LEN);
	else if (!len)
		violation(ck, "name", -1, WDV_NAME_EMPTY);
}

static void check_cell_fields(struct checker *ck, const struct wd_cell *c)
{
	if (c->flags & ~WD_CELL_ALL_FLAGS)
		violation(ck, "flags", -1, WDV_UNKNOWN_FLAGS,
			  (c->flags & ~WD_CELL_ALL_FLAGS));
	if (!c->cpu_set)
		violation(ck, "cpu_set", -1, WDV_NO_CPU);
}

static void check_mem_flags(struct checker *ck, const struct wd_mem_region *m,
			    int i)
{
	const wd_u32 access = WD_MEM_READ | WD_MEM_WRITE | WD_MEM_EXEC;

	if (m->flags & ~WD_MEM_ALL_FLAGS)
		violation(ck, "mem", i, WDV_UNKNOWN_FLAGS,
			  (m->flags & ~WD_MEM_ALL_FLAGS));
	if (!(m->flags & access))
		violation(ck, "mem", i, WDV_MEM_NO_ACCESS);
	if ((m->flags & WD_MEM_IO) && (m->flags & WD_MEM_EXEC))
		violation(ck, "mem", i, WDV_MEM_IO_EXEC);
	if (m->reserved)
		violation(ck, "mem", i, WDV_MEM_RESERVED, m->reserved);
}

static void check_mem_regions(struct checker *ck, const struct wd_cell *c)
{
	const struct wd_mem_region *mem = wd_cell_mem(c);
	unsigned int i;

	for (i = 0; i < c->num_mem_regions; i++) {
		check_mem_flags(ck, &mem[i], (int)i);
		check_size(ck, "mem", (int)i, mem[i].size);
		check_span(ck, "mem", (int)i, "phys_start", mem[i].phys_start,
			   mem[i].size);
		check_span(ck, "mem", (int)i, "virt_start", mem[i].virt_start,
			   mem[i].size);
	}
}

/* The comm region is one page the hypervisor also writes: keep it plain. */
static void check_comm_region(struct checker *ck, const struct wd_cell *c)
{
	const struct wd_mem_region *mem = wd_cell_mem(c);
	unsigned int i, comm = ~0u;

	for (i = 0; i < c->num_mem_regions; i++) {
		if (!(mem[i].flags & WD_MEM_COMM))
			continue;
		if (comm != ~0u)
			violation(ck, "mem", (int)i, WDV_COMM_SECOND, comm);
		else
			comm = i;
		if (mem[i].size != WD_PAGE_SIZE)
			violation(ck, "mem", (int)i, WDV_COMM_SIZE,
				  mem[i].size);
		if (mem[i].flags & (WD_MEM_IO | WD_MEM_SHARED))
			violation(ck, "mem", (int)i, WDV_COMM_IO_SHARED);
		/* The root sees it read-only: a load would write to it. */
		if (mem[i].flags & WD_MEM_LOADABLE)
			violation(ck, "mem", (int)i, WDV_COMM_LOADABLE);
	}
}

static void check_device(struct checker *ck, const struct wd_device *d, int i)
{
	unsigned int len = name_length(d->name, DEVICE_NAME_LEN);

	if (len == DEVICE_NAME_LEN)
		violation(ck, "devices", i, WDV_DEVICE_NAME_UNTERMINATED);
	else if (!len)
		violation(ck, "devices", i, WDV_DEVICE_NAME_EMPTY);
	check_size(ck, "devices", i, d->mmio_size);
	check_span(ck, "devices", i, "mmio_start", d->mmio_start, d->mmio_size);
	if (d->flags & ~WD_DEV_ALL_FLAGS)
		violation(ck, "devices", i, WDV_UNKNOWN_FLAGS,
			  (wd_u64)(d->flags & ~WD_DEV_ALL_FLAGS));
}

/*
 * A DMA device writes where the cell's driver points it: physical
 * addresses. Without an SMMU that lands in the cell's own memory only
 * if every region is identity-mapped (coloured RAM is not contiguous).
 */
static void check_dma(struct checker *ck, const struct wd_cell *c)
{
	const struct wd_mem_region *m = wd_cell_mem(c);
	unsigned int i, dma = 0;

	for (i = 0; i < c->num_devices; i++)
		dma |= wd_cell_devices(c)[i].flags & WD_DEV_DMA;
	for (i = 0; dma && i < c->num_mem_regions; i++)
		if (m[i].phys_start != m[i].virt_start ||
		    (c->colours && is_ram(m[i].flags)))
			violation(ck, "mem", (int)i, WDV_DMA_NOT_IDENTITY);
}

static void check_devices(struct checker *ck, const struct wd_cell *c)
{
	unsigned int i;

	for (i = 0; i < c->num_devices; i++)
		check_device(ck, &wd_cell_devices(c)[i], (int)i);
}

/* A stream belongs to a DMA device of the cell, or to no device (PCI). */
static int stream_device_ok(const struct wd_cell *c, wd_u32 device)
{
	if (device == WD_STREAM_NO_DEVICE)
		return 1;
	return device < c->num_devices &&
	       (wd_cell_devices(c)[device].flags & WD_DEV_DMA);
}

static void check_streams(struct checker *ck, const struct wd_cell *c)
{
	const struct wd_stream *st = wd_cell_streams(c);
	unsigned int i, j;

	for (i = 0; i < c->num_streams; i++) {
		if (!stream_device_ok(c, st[i].device))
			violation(ck, "streams", (int)i, WDV_STREAM_DEVICE,
				  st[i].id, st[i].device, c->num_devices);
		for (j = 0; j < i; j++)
			if (st[j].id == st[i].id)
				violation(ck, "streams", (int)i,
					  WDV_STREAM_TWICE, st[i].id, j);
	}
}

static void check_irq_duplicates(struct checker *ck, const struct wd_cell *c)
{
	struct wdc_irq a, b;
	unsigned int i, j;

	for (i = 0; i < wdc_irq_count(c); i++) {
		wdc_irq_get(c, i, &a);
		for (j = 0; a.intid && j < i; j++) {
			wdc_irq_get(c, j, &b);
			if (a.intid == b.intid)
				violation(ck, a.field, a.index, WDV_IRQ_TWICE,
					  a.intid, WDC_S(b.field), b.index);
		}
	}
}

/* Two mappings at the same guest-physical address cannot both hold. */
static void check_ipa_overlap(struct checker *ck, const struct wd_cell *c)
{
	struct wdc_resource a, b;
	unsigned int i, j;

	for (i = 0; i < resource_count(c); i++) {
		resource_get(c, i, &a);
		for (j = 0; j < i; j++) {
			resource_get(c, j, &b);
			if (wdc_ranges_overlap(a.ipa, a.size, b.ipa, b.size))
				violation(ck, a.field, a.index, WDV_IPA_OVERLAP,
					  a.ipa, a.size, WDC_S(b.field),
					  b.index);
		}
	}
}

static void check_has_ram(struct checker *ck, const struct wd_cell *c)
{
	unsigned int i;

	for (i = 0; i < c->num_mem_regions; i++)
		if (is_ram(wd_cell_mem(c)[i].flags))
			return;
	violation(ck, "mem", -1, WDV_NO_RAM);
}

static void check_entry(struct checker *ck, const struct wd_cell *c)
{
	const struct wd_mem_region *mem = wd_cell_mem(c);
	unsigned int i;

	for (i = 0; i < c->num_mem_regions; i++)
		if (is_ram(mem[i].flags) && (mem[i].flags & WD_MEM_EXEC) &&
		    c->entry >= mem[i].virt_start &&
		    c->entry < range_end(mem[i].virt_start, mem[i].size))
			return;
	violation(ck, "entry", -1, WDV_ENTRY_NOT_EXEC, c->entry);
}

/*
 * The task set's format only. Whether it is schedulable is admission
 * control in the tool (`warden config check`): a cell missing its own
 * deadlines harms nobody else, so Warden need not decide it.
 */
static void check_rt_taskset(struct checker *ck, const struct wd_cell *c,
			     int is_root)
{
	const struct wd_rt_taskset *ts = wd_cell_rt_taskset(c);

	if (!ts)
		return;
	if (is_root)
		violation(ck, "flags", -1, WDV_ROOT_TASKSET);
	if (ts->magic != WD_RT_TASKSET_MAGIC ||
	    ts->revision != WD_RT_TASKSET_REVISION)
		violation(ck, "rt_taskset", -1, WDV_TASKSET_HEADER);
	if (ts->policy != WD_RT_EDF && ts->policy != WD_RT_RM)
		violation(ck, "rt_taskset", -1, WDV_TASKSET_POLICY, ts->policy);
	if (!ts->count || ts->count > WD_RT_MAX_TASKS)
		violation(ck, "rt_taskset", -1, WDV_TASKSET_COUNT, ts->count,
			  WD_RT_MAX_TASKS);
}

/*
 * Warden does not colour the root: its RAM is Linux's, mapped 1:1 from
 * the start. Banks only narrow down the frames of a coloured cell.
 */
static void check_colouring_alone(struct checker *ck, const struct wd_cell *c,
				  int is_root)
{
	if (is_root && (c->colours || c->banks))
		violation(ck, "colours", -1, WDV_ROOT_COLOURED, c->colours,
			  c->banks);
	else if (c->banks && !c->colours)
		violation(ck, "banks", -1, WDV_BANKS_UNCOLOURED, c->banks);
}

/* ---- Shared-memory links (Documentation/ivshmem.md). ---- */

static int cell_has_irq(const struct wd_cell *c, wd_u32 intid)
{
	struct wdc_irq ref;
	unsigned int i;

	for (i = 0; i < wdc_irq_count(c); i++) {
		wdc_irq_get(c, i, &ref);
		if (ref.intid == intid)
			return 1;
	}
	return 0;
}

/* The link's region: shared plain RAM the cell maps like any other. */
static void check_link_region(struct checker *ck, const struct wd_cell *c,
			      const struct wd_link *l, int i)
{
	wd_u32 flags;

	if (l->mem_index >= c->num_mem_regions) {
		violation(ck, "links", i, WDV_LINK_MEM_INDEX, l->mem_index,
			  c->num_mem_regions);
		return;
	}
	flags = wd_cell_mem(c)[l->mem_index].flags;
	if (!(flags & WD_MEM_SHARED) || (flags & (WD_MEM_IO | WD_MEM_COMM)))
		violation(ck, "links", i, WDV_LINK_MEM_KIND, l->mem_index);
}

/*
 * The doorbell is a line no device drives (the arch rules say which
 * lines may be one). A non-root cell must list it in irqs[] (that hands it
 * the line); the root owns every line it keeps.
 */
static void check_link_doorbell(struct checker *ck, const struct wd_cell *c,
				const struct wd_link *l, int i, int is_root)
{
	const struct wd_device *d = wd_cell_devices(c);
	unsigned int j;

	for (j = 0; j < c->num_devices; j++)
		if (d[j].irq == l->doorbell_irq)
			violation(ck, "links", i, WDV_DOORBELL_IS_DEVICE,
				  l->doorbell_irq, j);
	if (!is_root && !cell_has_irq(c, l->doorbell_irq))
		violation(ck, "links", i, WDV_DOORBELL_NOT_OWNED,
			  l->doorbell_irq);
}

static void check_link_unique(struct checker *ck, const struct wd_link *links,
			      unsigned int i)
{
	unsigned int j;

	for (j = 0; j < i; j++) {
		if (links[j].id == links[i].id)
			violation(ck, "links", (int)i, WDV_LINK_ID_TWICE,
				  links[i].id);
		if (links[j].doorbell_irq == links[i].doorbell_irq)
			violation(ck, "links", (int)i, WDV_DOORBELL_TWICE,
				  links[i].doorbell_irq, j);
		if (links[j].mem_index == links[i].mem_index)
			violation(ck, "links", (int)i, WDV_LINK_MEM_TWICE,
				  links[i].mem_index, j);
	}
}

static void check_links(struct checker *ck, const struct wd_cell *c,
			int is_root)
{
	const struct wd_link *links = wd_cell_links(c);
	unsigned int i;

	for (i = 0; i < c->num_links; i++) {
		if (links[i].flags)
			violation(ck, "links", (int)i, WDV_FLAGS_NONZERO,
				  links[i].flags);
		check_link_region(ck, c, &links[i], (int)i);
		check_link_doorbell(ck, c, &links[i], (int)i, is_root);
		check_link_unique(ck, links, i);
	}
}

/* The root lends its CPUs to cells: Warden must see its interrupts. */
static void check_direct_irq_alone(struct checker *ck, const struct wd_cell *c,
				   int is_root)
{
	if (is_root && (c->flags & WD_CELL_DIRECT_IRQ))
		violation(ck, "flags", -1, WDV_ROOT_DIRECT_IRQ);
}

static void check_cell_alone(struct checker *ck, const struct wd_cell *c,
			     int is_root)
{
	check_cell_name(ck, c);
	check_cell_fields(ck, c);
	check_mem_regions(ck, c);
	check_comm_region(ck, c);
	check_devices(ck, c);
	check_streams(ck, c);
	check_dma(ck, c);
	if (ck->arch)
		ck->arch->cell_alone(ck, c, is_root);
	check_irq_duplicates(ck, c);
	check_ipa_overlap(ck, c);
	check_links(ck, c, is_root);
	check_rt_taskset(ck, c, is_root);
	check_colouring_alone(ck, c, is_root);
	if (c->reserved1)
		violation(ck, "reserved1", -1, WDV_MUST_BE_ZERO, c->reserved1);
	check_direct_irq_alone(ck, c, is_root);
	if (is_root)
		return; /* the root's entry is ignored: Linux is running */
	check_has_ram(ck, c);
	check_entry(ck, c);
}

/* ---- Platform and system ranges. ---- */

static wd_u64 platform_cpu_mask(const struct wd_platform *p)
{
	return p->num_cpus >= 64 ? ~0ull : (1ull << p->num_cpus) - 1;
}

unsigned int wdc_platform_cpus(const struct wd_platform *p)
{
	return p->num_cpus > WD_MAX_CPUS ? WD_MAX_CPUS : p->num_cpus;
}

/* No __builtin_popcountll: arm64 general-register code calls libgcc. */
static unsigned int bits_set(wd_u64 mask)
{
	unsigned int n = 0;

	for (; mask; mask &= mask - 1)
		n++;
	return n;
}

/* Banks are whole frames inside the address space, at most 64 of them. */
static void check_bank_mask(struct checker *ck, const struct wd_platform *p)
{
	wd_u64 mask = p->bank_mask;

	if (mask & (WD_PAGE_SIZE - 1))
		violation(ck, "platform.bank_mask", -1, WDV_BANK_MASK_IN_PAGE,
			  mask);
	if (mask >> 48)
		violation(ck, "platform.bank_mask", -1,
			  WDV_BANK_MASK_BEYOND_48BIT, mask);
	if (bits_set(mask) > BANK_BITS_MAX)
		violation(ck, "platform.bank_mask", -1, WDV_BANK_MASK_TOO_MANY,
			  mask, bits_set(mask), BANK_BITS_MAX);
}

static void check_platform(struct checker *ck, const struct wd_system *sys)
{
	const struct wd_platform *p = &sys->platform;
	wd_u64 way = p->llc_way_size;
	unsigned int i;

	if (!p->num_cpus || p->num_cpus > WD_MAX_CPUS)
		violation(ck, "platform.num_cpus", -1, WDV_NUM_CPUS_RANGE,
			  p->num_cpus, WD_MAX_CPUS);
	if (p->reserved0)
		violation(ck, "platform.reserved0", -1, WDV_MUST_BE_ZERO,
			  p->reserved0);
	check_bank_mask(ck, p);
	if (way && ((way & (way - 1)) || way < WD_PAGE_SIZE))
		violation(ck, "platform.llc_way_size", -1, WDV_LLC_WAY_SIZE,
			  way);
	for (i = 0; i < WD_ARRAY_SIZE(p->reserved); i++)
		if (p->reserved[i])
			violation(ck, "platform.reserved", (int)i,
				  WDV_MUST_BE_ZERO, p->reserved[i]);
	ck->arch->platform(ck, sys);
}

static void check_console(struct checker *ck, const struct wd_console *con)
{
	if (con->type == WD_CONSOLE_PL011) {
		if (!con->phys || (con->phys & PAGE_MASK))
			violation(ck, "console.phys", -1, WDV_CONSOLE_UNALIGNED,
				  con->phys);
	} else if (con->type == WD_CONSOLE_NONE) {
		if (con->phys)
			violation(ck, "console.phys", -1,
				  WDV_CONSOLE_PHYS_UNUSED, con->phys);
	} else {
		violation(ck, "console.type", -1, WDV_CONSOLE_TYPE, con->type);
	}
	if (con->reserved)
		violation(ck, "console.reserved", -1, WDV_MUST_BE_ZERO,
			  con->reserved);
}

static void check_system_range(struct checker *ck, const char *field,
			       const struct wd_range *r)
{
	check_size(ck, field, -1, r->size);
	check_span(ck, field, -1, "start", r->start, r->size);
}

static void check_system_ranges(struct checker *ck, const struct wd_system *sys)
{
	check_system_range(ck, "hypervisor", &sys->hypervisor);
	check_system_range(ck, "cell_pool", &sys->cell_pool);
	check_system_range(ck, "ram", &sys->ram);
	if (!range_inside(sys->hypervisor.start, sys->hypervisor.size,
			  sys->ram.start, sys->ram.size))
		violation(ck, "hypervisor", -1, WDV_RANGE_NOT_IN_RAM);
	if (!range_inside(sys->cell_pool.start, sys->cell_pool.size,
			  sys->ram.start, sys->ram.size))
		violation(ck, "cell_pool", -1, WDV_RANGE_NOT_IN_RAM);
	if (wdc_ranges_overlap(sys->hypervisor.start, sys->hypervisor.size,
			       sys->cell_pool.start, sys->cell_pool.size))
		violation(ck, "cell_pool", -1, WDV_RANGE_OVERLAPS_HV);
}

/* ---- One cell against the platform and the system's ranges. ---- */

static void check_cpus_exist(struct checker *ck, const struct wd_cell *c,
			     const struct wd_system *sys, int is_root)
{
	wd_u64 all = platform_cpu_mask(&sys->platform);
	unsigned int cpu;

	if (is_root) {
		if (c->cpu_set != all)
			violation(ck, "cpu_set", -1, WDV_ROOT_CPUS, c->cpu_set,
				  all);
		return;
	}
	for (cpu = 0; cpu < 64; cpu++)
		if ((c->cpu_set & ~all) & (1ull << cpu))
			violation(ck, "cpu_set", (int)cpu, WDV_CPU_MISSING, cpu,
				  sys->platform.num_cpus);
}

/* With a known way size there are way/4 KiB colours, one bit each. */
static void check_colours_exist(struct checker *ck, const struct wd_cell *c,
				const struct wd_system *sys)
{
	wd_u64 colours = sys->platform.llc_way_size / WD_PAGE_SIZE;

	if (!sys->platform.llc_way_size || colours >= 64)
		return; /* unknown until Warden reads CCSIDR, or all fit */
	if (c->colours >> colours)
		violation(ck, "colours", -1, WDV_COLOURS_MISSING, c->colours,
			  colours);
}

static void check_banks_exist(struct checker *ck, const struct wd_cell *c,
			      const struct wd_system *sys)
{
	unsigned int bits = bits_set(sys->platform.bank_mask);

	if (!c->banks)
		return;
	if (!bits)
		violation(ck, "banks", -1, WDV_BANKS_NO_MASK, c->banks);
	else if (bits < BANK_BITS_MAX && c->banks >> (1u << bits))
		violation(ck, "banks", -1, WDV_BANKS_MISSING, c->banks,
			  1u << bits);
}

/* ---- Colouring: where a coloured cell's frames come from. ---- */

static void cell_colouring(const struct wd_cell *c, const struct wd_system *sys,
			   struct colour_geometry *g, struct colour_set *s)
{
	colour_geometry_init(g, sys->platform.llc_way_size,
			     sys->platform.bank_mask);
	s->colours = c->colours;
	s->banks = c->banks;
}

/*
 * The frames are known with the way size (0: Warden reads CCSIDR at
 * enable and checks at cell create) and a pool small enough to walk.
 */
static int colouring_known(const struct wd_system *sys)
{
	return sys->platform.llc_way_size &&
	       sys->cell_pool.size <= COLOUR_POOL_MAX;
}

static int in_pool(const struct wd_system *sys, wd_u64 pa)
{
	return pa >= sys->cell_pool.start &&
	       pa < range_end(sys->cell_pool.start, sys->cell_pool.size);
}

/*
 * span_end[i]: where the frames of coloured region i end (they start at
 * its phys_start); 0 when the region is not coloured or its frames are
 * not known here (way size unknown, start outside the pool, too few).
 */
static void coloured_spans(const struct wd_cell *c, const struct wd_system *sys,
			   wd_u64 span_end[WD_MAX_MEM_REGIONS])
{
	const struct wd_mem_region *m = wd_cell_mem(c);
	wd_u64 end = range_end(sys->cell_pool.start, sys->cell_pool.size);
	struct colour_geometry g;
	struct colour_set s;
	unsigned int i;

	cell_colouring(c, sys, &g, &s);
	for (i = 0; i < c->num_mem_regions; i++) {
		span_end[i] = 0;
		if (!is_coloured(c, m[i].flags) || !colouring_known(sys) ||
		    !in_pool(sys, m[i].phys_start))
			continue;
		if (colour_span(&g, &s, m[i].phys_start, end, m[i].size,
				&span_end[i]))
			span_end[i] = 0;
	}
}

static void report_pool_short(struct checker *ck, const struct wd_cell *c,
			      const struct wd_system *sys, unsigned int i)
{
	const struct wd_mem_region *m = &wd_cell_mem(c)[i];
	wd_u64 end = range_end(sys->cell_pool.start, sys->cell_pool.size);
	struct colour_geometry g;
	struct colour_set s;
	wd_u64 frames;

	cell_colouring(c, sys, &g, &s);
	frames = colour_count_frames(&g, &s, m->phys_start, end);
	violation(ck, "mem", (int)i, WDV_POOL_SHORT, frames * WD_PAGE_SIZE,
		  c->colours, c->banks, m->phys_start, m->size);
}

/* Physical span of region i: a coloured one spans its frames. */
static void region_span(const struct wd_cell *c, unsigned int i,
			const wd_u64 span_end[], wd_u64 *start, wd_u64 *size)
{
	const struct wd_mem_region *m = &wd_cell_mem(c)[i];

	*start = m->phys_start;
	*size = m->size;
	if (is_coloured(c, m->flags))
		*size = span_end[i] ? span_end[i] - m->phys_start : 0;
}

/* A coloured region's frames are its alone, within its cell too. */
static void check_coloured_aliases(struct checker *ck, const struct wd_cell *c,
				   const wd_u64 span_end[])
{
	const struct wd_mem_region *m = wd_cell_mem(c);
	wd_u64 a, a_size, b, b_size;
	unsigned int i, j;

	for (i = 0; i < c->num_mem_regions; i++) {
		for (j = 0; j < i; j++) {
			if (!is_coloured(c, m[i].flags) &&
			    !is_coloured(c, m[j].flags))
				continue;
			region_span(c, i, span_end, &a, &a_size);
			region_span(c, j, span_end, &b, &b_size);
			if (is_ram(m[i].flags) && is_ram(m[j].flags) &&
			    wdc_ranges_overlap(a, a_size, b, b_size))
				violation(ck, "mem", (int)i, WDV_FRAMES_ALIAS,
					  a, a + a_size, j, b, b + b_size);
		}
	}
}

static void check_colouring_in_system(struct checker *ck,
				      const struct wd_cell *c,
				      const struct wd_system *sys)
{
	const struct wd_mem_region *m = wd_cell_mem(c);
	wd_u64 span_end[WD_MAX_MEM_REGIONS];
	unsigned int i;

	if (!c->colours)
		return;
	if (sys->cell_pool.size > COLOUR_POOL_MAX)
		violation(ck, "colours", -1, WDV_POOL_TOO_LARGE,
			  sys->cell_pool.size, COLOUR_POOL_MAX);
	coloured_spans(c, sys, span_end);
	for (i = 0; i < c->num_mem_regions; i++) {
		if (!is_coloured(c, m[i].flags))
			continue;
		if (!in_pool(sys, m[i].phys_start))
			violation(ck, "mem", (int)i, WDV_COLOURED_OUTSIDE_POOL,
				  m[i].phys_start);
		else if (colouring_known(sys) && !span_end[i])
			report_pool_short(ck, c, sys, i);
	}
	check_coloured_aliases(ck, c, span_end);
}

static void check_hypervisor_memory(struct checker *ck,
				    const struct wdc_resource *r,
				    const struct wd_system *sys)
{
	if (wdc_ranges_overlap(r->phys, r->size, sys->hypervisor.start,
			       sys->hypervisor.size))
		violation(ck, r->field, r->index, WDV_OVERLAPS_HV, r->phys,
			  r->size);
}

/*
 * Warden's console UART (the root's Linux console too): a cell that maps
 * its page could reprogram the UART under Warden or forge its output.
 */
static void check_console_page(struct checker *ck, const struct wdc_resource *r,
			       const struct wd_system *sys)
{
	wd_u64 page = sys->console.phys & ~(wd_u64)PAGE_MASK;

	if (sys->console.type != WD_CONSOLE_NONE &&
	    wdc_ranges_overlap(r->phys, r->size, page, WD_PAGE_SIZE))
		violation(ck, r->field, r->index, WDV_MAPS_CONSOLE, r->phys,
			  r->size, sys->console.phys);
}

static void check_placement(struct checker *ck, const struct wdc_resource *r,
			    const struct wd_system *sys, int is_root)
{
	const struct wd_range *ram = &sys->ram, *pool = &sys->cell_pool;

	if (!is_ram(r->flags)) {
		if (wdc_ranges_overlap(r->phys, r->size, ram->start, ram->size))
			violation(ck, r->field, r->index, WDV_DEVICE_IN_RAM,
				  r->phys);
	} else if (is_root) {
		if (!(r->flags & WD_MEM_SHARED) &&
		    wdc_ranges_overlap(r->phys, r->size, pool->start,
				       pool->size))
			violation(ck, r->field, r->index, WDV_ROOT_TAKES_POOL,
				  r->phys);
	} else if (!range_inside(r->phys, r->size, ram->start, ram->size)) {
		violation(ck, r->field, r->index, WDV_RAM_OUTSIDE_BOARD,
			  r->phys, r->size);
	} else if (!range_inside(r->phys, r->size, pool->start, pool->size)) {
		violation(ck, r->field, r->index, WDV_RAM_OUTSIDE_POOL, r->phys,
			  r->size);
	}
}

static void check_cell_in_system(struct checker *ck, const struct wd_cell *c,
				 const struct wd_system *sys, int is_root)
{
	struct wdc_resource r;
	unsigned int i;

	check_cpus_exist(ck, c, sys, is_root);
	check_colours_exist(ck, c, sys);
	check_banks_exist(ck, c, sys);
	ck->arch->cell_in_system(ck, c, sys);
	for (i = 0; i < resource_count(c); i++) {
		resource_get(c, i, &r);
		ck->arch->resource(ck, &r, sys);
		if (r.coloured)
			continue; /* its frames: check_colouring_in_system() */
		check_hypervisor_memory(ck, &r, sys);
		check_placement(ck, &r, sys, is_root);
		if (!is_root)
			check_console_page(ck, &r, sys);
	}
	if (!is_root)
		check_colouring_in_system(ck, c, sys);
}

int wd_check_system(const void *blob, wd_u64 size,
		    struct wd_check_report *report)
{
	struct checker ck;
	struct layout lay;

	checker_init(&ck, report, WD_CHECK_SYSTEM);
	if (check_layout(&ck, blob, size, WD_KIND_SYSTEM, &lay))
		return checker_result(&ck);
	ck.cell = 0; /* header, platform and ranges belong to no cell */
	if (check_arch_rules(&ck, lay.hdr))
		return checker_result(&ck);
	check_platform(&ck, lay.sys);
	check_console(&ck, &lay.sys->console);
	check_system_ranges(&ck, lay.sys);
	checker_about(&ck, lay.cell, WD_CHECK_SYSTEM);
	check_cell_alone(&ck, lay.cell, 1);
	check_cell_in_system(&ck, lay.cell, lay.sys, 1);
	return checker_result(&ck);
}

int wd_check_cell(const void *blob, wd_u64 size, struct wd_check_report *report)
{
	struct checker ck;
	struct layout lay;

	checker_init(&ck, report, 0);
	if (check_layout(&ck, blob, size, WD_KIND_CELL, &lay))
		return checker_result(&ck);
	ck.cell = 0;
	if (check_arch_rules(&ck, lay.hdr))
		return checker_result(&ck);
	checker_about(&ck, lay.cell, 0);
	check_cell_alone(&ck, lay.cell, 0);
	return checker_result(&ck);
}

/* ---- Rules between cells. b is blamed; a is named in the reason. ---- */

static void report_overlap(struct checker *ck, const struct wdc_resource *a,
			   const struct wdc_resource *b, const char *a_name)
{
	if (a->flags & b->flags & WD_MEM_IO)
		violation(ck, b->field, b->index, WDV_PAIR_DEVICE_SHARED,
			  b->phys, WDC_S(a_name), WDC_S(a->field), a->index);
	else if (a->coloured || b->coloured)
		violation(ck, b->field, b->index, WDV_PAIR_COLOURED_OVERLAP,
			  b->phys, b->phys + b->size, WDC_S(a_name),
			  WDC_S(a->field), a->index, a->phys,
			  a->phys + a->size);
	else
		violation(ck, b->field, b->index, WDV_PAIR_OVERLAP, b->phys,
			  WDC_S(a_name), WDC_S(a->field), a->index);
}

/*
 * A device of a non-root cell may lie in one of the root's IO regions:
 * Warden takes it from the root at create and gives it back at destroy.
 * Resource j of a cell is a device when it comes after its regions.
 */
static int taken_from_root(const struct wd_cell *b, unsigned int j,
			   const struct wdc_resource *ra, int a_is_root)
{
	return a_is_root && j >= b->num_mem_regions && (ra->flags & WD_MEM_IO);
}

/* Where r lies physically: coloured RAM spans the frames it takes. */
static void resource_span(struct wdc_resource *r, const wd_u64 span_end[])
{
	if (r->coloured)
		r->size = span_end[r->index] ? span_end[r->index] - r->phys : 0;
}

/* The link whose region is resource i of c (regions come first), or 0. */
static const struct wd_link *region_link(const struct wd_cell *c,
					 unsigned int i)
{
	const struct wd_link *l = wd_cell_links(c);
	unsigned int k;

	for (k = 0; i < c->num_mem_regions && k < c->num_links; k++)
		if (l[k].mem_index == i)
			return &l[k];
	return 0;
}

/*
 * SHARED regions without a link may overlap as before. A link's region
 * is shared only with cells declaring the same link over it.
 */
static void check_linked_overlap(struct checker *ck, const struct wd_cell *a,
				 unsigned int i, const struct wd_cell *b,
				 unsigned int j, const char *a_name)
{
	const struct wd_link *la = region_link(a, i), *lb = region_link(b, j);

	if (!la && !lb)
		return;
	if (!la || !lb || la->id != lb->id)
		violation(ck, b->num_mem_regions > j ? "mem" : "devices",
			  (int)j, WDV_PAIR_LINK_UNDECLARED,
			  la ? la->id : lb->id, WDC_S(a_name));
}

/* Peers of one link: the same memory, each its own doorbell. */
static void check_pair_link(struct checker *ck, const struct wd_cell *a,
			    const struct wd_link *la, const struct wd_cell *b,
			    const struct wd_link *lb, int index,
			    const char *a_name)
{
	const struct wd_mem_region *ma = &wd_cell_mem(a)[la->mem_index];
	const struct wd_mem_region *mb = &wd_cell_mem(b)[lb->mem_index];

	if (ma->phys_start != mb->phys_start || ma->size != mb->size)
		violation(ck, "links", index, WDV_PAIR_LINK_MEMORY, lb->id,
			  mb->phys_start, mb->size, WDC_S(a_name),
			  ma->phys_start, ma->size);
	if (la->doorbell_irq == lb->doorbell_irq)
		violation(ck, "links", index, WDV_PAIR_LINK_DOORBELL, lb->id,
			  lb->doorbell_irq, WDC_S(a_name));
}

/* Layouts and indexes are valid here: the single-cell checks ran. */
static void check_pair_links(struct checker *ck, const struct wd_cell *a,
			     const struct wd_cell *b, int a_is_root,
			     const char *a_name)
{
	const struct wd_link *la = wd_cell_links(a), *lb = wd_cell_links(b);
	unsigned int i, j;

	for (j = 0; j < b->num_links; j++)
		for (i = 0; i < a->num_links; i++)
			if (la[i].id == lb[j].id &&
			    la[i].mem_index < a->num_mem_regions &&
			    lb[j].mem_index < b->num_mem_regions)
				check_pair_link(ck, a, &la[i], b, &lb[j],
						(int)j, a_name);
	for (i = 0; a_is_root && i < a->num_links; i++)
		if (cell_has_irq(b, la[i].doorbell_irq))
			violation(ck, "irqs", -1, WDV_PAIR_ROOT_DOORBELL,
				  la[i].doorbell_irq, la[i].id);
}

static void check_pair_memory(struct checker *ck, const struct wd_cell *a,
			      const struct wd_cell *b, const char *a_name,
			      int a_is_root, const struct wd_system *sys)
{
	wd_u64 a_end[WD_MAX_MEM_REGIONS], b_end[WD_MAX_MEM_REGIONS];
	struct wdc_resource ra, rb;
	unsigned int i, j;

	coloured_spans(a, sys, a_end);
	coloured_spans(b, sys, b_end);
	for (j = 0; j < resource_count(b); j++) {
		resource_get(b, j, &rb);
		resource_span(&rb, b_end);
		for (i = 0; i < resource_count(a); i++) {
			resource_get(a, i, &ra);
			resource_span(&ra, a_end);
			if (ra.coloured && rb.coloured)
				continue; /* disjoint colours: check_pair() */
			if (!wdc_ranges_overlap(ra.phys, ra.size, rb.phys,
						rb.size))
				continue;
			if (taken_from_root(b, j, &ra, a_is_root))
				continue;
			if (!(ra.flags & rb.flags & WD_MEM_SHARED))
				report_overlap(ck, &ra, &rb, a_name);
			else
				check_linked_overlap(ck, a, i, b, j, a_name);
		}
	}
}

static void check_pair_irqs(struct checker *ck, const struct wd_cell *a,
			    const struct wd_cell *b, const char *a_name)
{
	struct wdc_irq ra, rb;
	unsigned int i, j;

	for (j = 0; j < wdc_irq_count(b); j++) {
		wdc_irq_get(b, j, &rb);
		for (i = 0; rb.intid && i < wdc_irq_count(a); i++) {
			wdc_irq_get(a, i, &ra);
			if (ra.intid == rb.intid)
				violation(ck, rb.field, rb.index, WDV_PAIR_IRQ,
					  rb.intid, WDC_S(a_name));
		}
	}
}

/* The root lends its streams; two other cells never share one. */
static void check_pair_streams(struct checker *ck, const struct wd_cell *a,
			       const struct wd_cell *b, const char *a_name)
{
	const struct wd_stream *sa = wd_cell_streams(a);
	const struct wd_stream *sb = wd_cell_streams(b);
	unsigned int i, j;

	for (j = 0; j < b->num_streams; j++)
		for (i = 0; i < a->num_streams; i++)
			if (sa[i].id == sb[j].id)
				violation(ck, "streams", (int)j,
					  WDV_PAIR_STREAM, sb[j].id,
					  WDC_S(a_name));
}

static void check_pair(struct checker *ck, const struct wd_cell *a,
		       const struct wd_cell *b, int a_is_root,
		       const struct wd_system *sys)
{
	char a_name[WD_NAME_LEN];

	name_sanitise(a_name, a->name, WD_NAME_LEN);
	if (names_equal(a->name, b->name, WD_NAME_LEN))
		violation(ck, "name", -1, WDV_PAIR_NAME, WDC_S(a_name));
	check_pair_memory(ck, a, b, a_name, a_is_root, sys);
	check_pair_links(ck, a, b, a_is_root, a_name);
	if (a->colours & b->colours)
		violation(ck, "colours", -1, WDV_PAIR_COLOURS,
			  a->colours & b->colours, WDC_S(a_name));
	if (a->banks & b->banks)
		violation(ck, "banks", -1, WDV_PAIR_BANKS, a->banks & b->banks,
			  WDC_S(a_name));
	if (a->pio_ranges & b->pio_ranges)
		violation(ck, "pio_ranges", -1, WDV_PAIR_PIO,
			  a->pio_ranges & b->pio_ranges, WDC_S(a_name));
	if (a_is_root)
		return; /* cells take CPUs, IRQs, streams from the root */
	if (a->cpu_set & b->cpu_set)
		violation(ck, "cpu_set", -1, WDV_PAIR_CPUS,
			  a->cpu_set & b->cpu_set, WDC_S(a_name));
	check_pair_irqs(ck, a, b, a_name);
	check_pair_streams(ck, a, b, a_name);
}

static wd_u32 blob_arch(const struct wd_blob *b)
{
	return ((const struct wd_header *)b->data)->arch;
}

/* Member 0 is the root; member i > 0 is cells[i - 1], NULL if unusable. */
static const struct wd_cell *set_member(const struct wd_blob *system,
					const struct wd_blob *cells,
					unsigned int i)
{
	const struct wd_blob *b;

	if (!i)
		return wd_config_root(system->data);
	b = &cells[i - 1];
	if (wd_check_layout(b->data, b->size, WD_KIND_CELL) ||
	    blob_arch(b) != blob_arch(system))
		return 0;
	return wd_config_cell(b->data);
}

/* Once the non-root cells own all of the root's CPUs, blame that cell. */
static void check_root_keeps_cpu(struct checker *ck, const struct wd_cell *root,
				 wd_u64 *taken, const struct wd_cell *c)
{
	wd_u64 before = *taken;

	*taken |= c->cpu_set;
	if ((before & root->cpu_set) != root->cpu_set &&
	    (*taken & root->cpu_set) == root->cpu_set)
		violation(ck, "cpu_set", -1, WDV_ROOT_LAST_CPU);
}

static void check_set_member(struct checker *ck, const struct wd_blob *system,
			     const struct wd_blob *cells, unsigned int i)
{
	const struct wd_cell *b = set_member(system, cells, i);
	const struct wd_cell *a;
	unsigned int j;

	checker_about(ck, b, (int)i - 1);
	check_cell_in_system(ck, b, wd_config_system(system->data), 0);
	for (j = 0; j < i; j++) {
		a = set_member(system, cells, j);
		if (a)
			check_pair(ck, a, b, j == 0,
				   wd_config_system(system->data));
	}
}

/* set_member() leaves a cell out: say why. */
static int set_member_usable(struct checker *ck, const struct wd_blob *system,
			     const struct wd_blob *b)
{
	if (wd_check_layout(b->data, b->size, WD_KIND_CELL)) {
		violation(ck, "blob", -1, WDV_SET_BAD_CELL);
		return 0;
	}
	if (blob_arch(b) != blob_arch(system)) {
		violation(ck, "arch", -1, WDV_SET_ARCH_MISMATCH,
			  WDC_S(arch_name(blob_arch(b))),
			  WDC_S(arch_name(blob_arch(system))));
		return 0;
	}
	return 1;
}

int wd_check_set(const struct wd_blob *system, const struct wd_blob *cells,
		 unsigned int num_cells, struct wd_check_report *report)
{
	const struct wd_cell *root, *c;
	struct checker ck;
	wd_u64 taken = 0;
	unsigned int i;

	checker_init(&ck, report, WD_CHECK_SYSTEM);
	if (wd_check_layout(system->data, system->size, WD_KIND_SYSTEM)) {
		violation(&ck, "blob", -1, WDV_SET_BAD_SYSTEM);
		return checker_result(&ck);
	}
	root = wd_config_root(system->data);
	ck.arch = arch_rules(blob_arch(system));
	if (check_arch_rules(&ck, system->data))
		return checker_result(&ck);
	for (i = 1; i <= num_cells; i++) {
		ck.cell = 0;
		ck.subject = (int)i - 1;
		if (!set_member_usable(&ck, system, &cells[i - 1]))
			continue;
		c = set_member(system, cells, i);
		check_set_member(&ck, system, cells, i);
		check_root_keeps_cpu(&ck, root, &taken, c);
	}
	return checker_result(&ck);
}
