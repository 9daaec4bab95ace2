// SPDX-License-Identifier: GPL-2.0-or-later OR BSD-2-Clause
/*
 * Bare metal, no Warden: `make bench`'s baseline for the ChibiOS cell
 * (bench/rtos.sh). QEMU virt enters EL1 AArch32 through a shim that only
 * leaves EL2 (bench/guest/a32-shim.S) with r0 = 0 instead of a comm
 * region. The library then describes the board itself, from the board
 * header and GICD_PIDR2, writes the console to the PL011 (an HVC would
 * reach the shim's empty EL2), and does for the GIC what Warden's vGIC
 * does for a cell: wake the redistributor, group 1, distributor on.
 */
#include <warden/config.h>

#include "a32.h"
#include "qemu-virt-board.h"

#define GICD_CTLR 0x0000
#define GICD_IGROUPR 0x0080
/* GICv2's ID registers end its 4 KiB frame; GICv3's 64 KiB (there the
 * offset is reserved: RAZ) */
#define GICD_PIDR2_V2 0xfe8
#define GICD_CTLR_EN 3
#define GICR_WAKER 0x0014
#define GICR_WAKER_SLEEP (1u << 1)
#define GICR_WAKER_ASLEEP (1u << 2)
#define UART_DR 0x00
#define UART_FR 0x18
#define UART_FR_TXFF (1u << 5)

static struct wd_comm_region bare_comm;

/* The start-up code's: r0 at entry, the comm region or 0 (bare). */
void a32_comm_init(uintptr_t r0)
{
	uint32_t arch;

	if (r0) {
		a32_comm = (volatile struct wd_comm_region *)r0;
		return;
	}
	arch = mmio_read32(QEMU_VIRT_GICD_BASE + GICD_PIDR2_V2) >> 4 & 0xf;
	bare_comm.gic_version = arch == 2 ? WD_GIC_V2 : WD_GIC_V3;
	bare_comm.gicd_base = QEMU_VIRT_GICD_BASE;
	bare_comm.gicc_base = QEMU_VIRT_GICC_BASE;
	bare_comm.gicr_base = QEMU_VIRT_GICR_BASE;
	a32_comm = &bare_comm;
}

bool a32_bare(void)
{
	return a32_comm == &bare_comm;
}

void a32_bare_putc(char c)
{
	while (mmio_read32(QEMU_VIRT_UART_BASE + UART_FR) & UART_FR_TXFF)
		;
	mmio_write32(QEMU_VIRT_UART_BASE + UART_DR, (uint8_t)c);
}

void a32_bare_gic_cpu(uintptr_t redist)
{
	mmio_write32(redist + GICR_WAKER,
		     mmio_read32(redist + GICR_WAKER) & ~GICR_WAKER_SLEEP);
	while (mmio_read32(redist + GICR_WAKER) & GICR_WAKER_ASLEEP)
		;
}

/* v3: group 1 is an IRQ at EL1, group 0 a FIQ; v2 keeps group 0 (IRQ). */
void a32_bare_gic_enable(uintptr_t base, uint32_t intid)
{
	uintptr_t group = base + GICD_IGROUPR + intid / 32 * 4;

	if (a32_gic_version() == WD_GIC_V3)
		mmio_write32(group, mmio_read32(group) | 1u << (intid % 32));
	mmio_write32(QEMU_VIRT_GICD_BASE + GICD_CTLR,
		     mmio_read32(QEMU_VIRT_GICD_BASE + GICD_CTLR) |
			     GICD_CTLR_EN);
}
