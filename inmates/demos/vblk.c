// SPDX-License-Identifier: GPL-2.0
/*
 * vblk: drives a virtio-blk PCI function the cell took from the root
 * (cells/arm64/smmu-vblk.c, scenario smmu, Documentation/dma.md): its
 * ECAM page, a window for its BARs and its DMA stream. Puts the BARs in
 * the window, the virtqueue in the cell's RAM, and reads sectors of the
 * probe disk (sector n holds "WD-DMA-PROBE-n!"): one into its RAM, one
 * at Warden's code (an address the cell's SMMU tables do not map: the
 * DMA must fault, Warden reports it, the scenario checks the code
 * there), then one into its RAM again after a device reset. The device
 * sees the cell's guest-physical addresses; the SMMU translates them.
 */
#include <inmate/mmio.h>
#include <inmate/printf.h>
#include <inmate/sysreg.h>
#include <inmate/timer.h>

#include "qemu-virt-board.h"

#define ECAM (QEMU_VIRT_PCIE_ECAM_BASE + (QEMU_VIRT_SMMU_PROBE_SLOT << 15))
#define WIN QEMU_VIRT_SMMU_CELL_BARS
#define WIN_END (WIN + QEMU_VIRT_SMMU_CELL_BARS_SIZE)
/* A queue page per request (sector n: page n), 8 MiB into the cell's
 * RAM, so a late completion of an earlier request (the refused one)
 * cannot pass for a later one: descriptors at 0, the available ring at
 * 0x80, the used ring at 0x100, the request header at 0x200, its status
 * byte at 0x300, the data buffer at 0x400. */
#define QPAGES (QEMU_VIRT_GUEST_RAM + 0x800000)
#define QPAGE qpage
static uintptr_t qpage;
/* 512 bytes into Warden's code page the scenario checks afterwards */
#define STRAY (QEMU_VIRT_HV_BASE + 0x4200)

#define S_ACK 1
#define S_DRIVER 2
#define S_DRIVER_OK 4
#define S_FEATURES_OK 8
#define S_NEEDS_RESET 0x40
#define F_HI_VERSION_1 1u /* feature 32 */
#define F_HI_ACCESS_PLATFORM 2u /* feature 33: DMA through the IOMMU */

static u64 bar[6]; /* where each BAR now is, 0: none */
static uintptr_t common, notify;
static u32 notify_mul;

static u32 cfg32(unsigned int o)
{
	return mmio_read32(ECAM + o);
}

static void cfg_w32(unsigned int o, u32 v)
{
	mmio_write32(ECAM + o, v);
}

static u8 cfg8(unsigned int o)
{
	return mmio_read8(ECAM + o);
}

/* BAR i's size (0: unimplemented); the BAR reads all ones afterwards. */
static u64 bar_size(unsigned int i, bool is64)
{
	u64 mask;

	cfg_w32(0x10 + 4 * i, ~0u);
	mask = cfg32(0x10 + 4 * i) & ~0xfull;
	if (is64) {
		cfg_w32(0x14 + 4 * i, ~0u);
		mask |= (u64)cfg32(0x14 + 4 * i) << 32;
	} else if (mask) {
		mask |= ~0ull << 32;
	}
	return mask ? ~mask + 1 : 0;
}

/* Places memory BAR i in the window at *next, aligned to its size;
 * I/O BARs stay off (the command register never enables I/O). Returns
 * the number of BAR registers it used, 0 when the window is too small. */
static unsigned int place_bar(unsigned int i, u64 *next)
{
	u32 orig = cfg32(0x10 + 4 * i);
	bool is64 = (orig & 7) == 4;
	u64 size = (orig & 1) ? 0 : bar_size(i, is64);
	u64 at = (*next + size - 1) & ~(size - 1);

	if (size && (at < *next || at + size > WIN_END))
		return 0;
	cfg_w32(0x10 + 4 * i, size ? (u32)at : 0);
	if (is64)
		cfg_w32(0x14 + 4 * i, size ? (u32)(at >> 32) : 0);
	if (size) {
		bar[i] = at;
		*next = at + size;
		printf("vblk: BAR %u at 0x%lx (0x%lx bytes)\n", i, at, size);
	}
	return is64 ? 2 : 1;
}

static bool place_bars(void)
{
	u64 next = WIN;
	unsigned int i, n;

	cfg_w32(0x04, 0); /* decoding and bus mastering off meanwhile */
	for (i = 0; i < 6; i += n) {
		n = place_bar(i, &next);
		if (!n)
			return false;
	}
	cfg_w32(0x04, 0x6); /* memory space, bus master */
	return true;
}

/* Where a virtio capability's structure is, 0 if its BAR is not ours. */
static uintptr_t cap_addr(unsigned int p)
{
	unsigned int b = cfg8(p + 4);

	return b < 6 && bar[b] ? bar[b] + cfg32(p + 8) : 0;
}

static bool find_caps(void)
{
	unsigned int p, n = 0;

	for (p = cfg8(0x34) & ~3u; p && n < 48; p = cfg8(p + 1) & ~3u, n++) {
		if (cfg8(p) != 0x09)
			continue;
		if (cfg8(p + 3) == 1)
			common = cap_addr(p);
		if (cfg8(p + 3) == 2) {
			notify = cap_addr(p);
			notify_mul = cfg32(p + 16);
		}
	}
	return common && notify;
}

#define C8(o) (common + (o))
#define C16(o) (common + (o))
#define C32(o) (common + (o))

static void set_status(u8 s)
{
	mmio_write8(C8(0x14), s);
}

static bool negotiate(void)
{
	set_status(0);
	while (mmio_read8(C8(0x14)))
		;
	set_status(S_ACK | S_DRIVER);
	mmio_write32(C32(0x00), 1);
	if ((mmio_read32(C32(0x04)) & 3) != 3)
		return false;
	mmio_write32(C32(0x08), 0);
	mmio_write32(C32(0x0c), 0);
	mmio_write32(C32(0x08), 1);
	mmio_write32(C32(0x0c), F_HI_VERSION_1 | F_HI_ACCESS_PLATFORM);
	set_status(S_ACK | S_DRIVER | S_FEATURES_OK);
	return mmio_read8(C8(0x14)) & S_FEATURES_OK;
}

static void write_addr(unsigned int o, u64 a)
{
	mmio_write32(C32(o), (u32)a);
	mmio_write32(C32(o + 4), (u32)(a >> 32));
}

/* Queue 0, 8 entries, polled (no MSI-X vector). */
static void queue_setup(void)
{
	mmio_write16(C16(0x16), 0);
	mmio_write16(C16(0x18), 8);
	mmio_write16(C16(0x1a), 0xffff);
	write_addr(0x20, QPAGE);
	write_addr(0x28, QPAGE + 0x80);
	write_addr(0x30, QPAGE + 0x100);
	mmio_write16(C16(0x1c), 1);
	set_status(S_ACK | S_DRIVER | S_FEATURES_OK | S_DRIVER_OK);
}

static void put_desc(unsigned int i, u64 addr, u32 len, u16 flags)
{
	uintptr_t d = QPAGE + 16 * i;

	mmio_write64(d, addr);
	mmio_write32(d + 8, len);
	mmio_write16(d + 12, flags);
	mmio_write16(d + 14, flags & 1 ? i + 1 : 0);
}

/* Read SECTOR into dst: header, data (device writes), status. */
static void post_read(u64 sector, u64 dst)
{
	unsigned int i;

	for (i = 0; i < 0x1000; i += 8)
		mmio_write64(QPAGE + i, 0);
	mmio_write64(QPAGE + 0x208, sector); /* type 0 (IN) at 0x200 */
	mmio_write8(QPAGE + 0x300, 0xff);
	put_desc(0, QPAGE + 0x200, 16, 1);
	put_desc(1, dst, 512, 1 | 2);
	put_desc(2, QPAGE + 0x300, 1, 2);
	mmio_write16(QPAGE + 0x80, 1); /* no interrupt */
	mmio_write16(QPAGE + 0x84, 0);
	dsb_sy();
	mmio_write16(QPAGE + 0x82, 1);
	dsb_sy();
	mmio_write16(notify + mmio_read16(C16(0x1e)) * notify_mul, 0);
}

/* 0: done with status OK; 1: error status; 2: NEEDS_RESET; 3: timeout */
static int wait_done(void)
{
	u64 end = timer_now() + 3 * timer_frequency();

	while (timer_now() < end) {
		if (mmio_read16(QPAGE + 0x102) == 1)
			return mmio_read8(QPAGE + 0x300) ? 1 : 0;
		if (mmio_read8(C8(0x14)) & S_NEEDS_RESET)
			return 2;
	}
	return 3;
}

/* One read from a freshly reset device, which is reset again after. */
static int read_sector(u64 sector, u64 dst)
{
	int rc;

	if (!negotiate())
		return -1;
	queue_setup();
	post_read(sector, dst);
	rc = wait_done();
	set_status(0); /* the device lets go of the queue */
	return rc;
}

static void read_own(u64 sector)
{
	char got[16];
	unsigned int i;
	int rc;

	qpage = QPAGES + 0x1000 * sector;
	rc = read_sector(sector, QPAGE + 0x400);
	for (i = 0; i < 15; i++)
		got[i] = mmio_read8(QPAGE + 0x400 + i);
	got[15] = '\0';
	printf("vblk: sector %lu into its RAM: rc %d, got: %s\n", sector, rc,
	       rc ? "" : got);
}

void inmate_main(void)
{
	static const char *const why[] = {"completed", "error status",
					  "device gave up (NEEDS_RESET)",
					  "no completion in 3 s"};
	u32 id = cfg32(0);
	int rc;

	printf("vblk: function 00:0%u.0 is %04x:%04x\n",
	       QEMU_VIRT_SMMU_PROBE_SLOT, id & 0xffff, id >> 16);
	if (id != 0x10421af4 || !place_bars() || !find_caps()) {
		printf("vblk: not a virtio-blk 1.0 function in our window\n");
		return;
	}
	read_own(1);
	qpage = QPAGES + 0x1000 * 2;
	rc = read_sector(2, STRAY);
	printf("vblk: sector 2 to 0x%lx (Warden): %s\n", (u64)STRAY,
	       rc < 0 ? "set-up failed" : why[rc]);
	read_own(4);
	printf("vblk: done\n");
}
