// SPDX-License-Identifier: GPL-2.0
/*
 * conwrite: the buffer console call against the byte one. Prints a set of
 * lines twice: through the library ("w:", one WD_HC_CONSOLE_WRITE a line)
 * and a byte at a time with WD_HC_CONSOLE_PUTC ("p:"); the cells scenario
 * checks the two copies are the same byte for byte. Then buffers a hostile
 * cell would pass, each of which must get its error and print nothing,
 * then a line a second, like hello, for the exit count.
 */
#include <inmate/boot.h>
#include <inmate/console.h>
#include <inmate/errno.h>
#include <inmate/hypercall.h>
#include <inmate/printf.h>
#include <inmate/timer.h>

#include "qemu-virt-board.h"

#define RAM_END (QEMU_VIRT_GUEST_RAM + QEMU_VIRT_CELL_RAM_SIZE)
#define LONG_LEN 300

static char long_line[LONG_LEN + 1];

static const char *const lines[] = {
	"plain 0123456789 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ end",
	"tab\there, escape \033[2J, bell \a, cr\r inside, high \xe9\xff.",
	"", /* an empty line */
	long_line, /* past Warden's 120 and the library's 128 */
};

static void put_bytes(const char *s)
{
	for (; *s; s++)
		hypercall(WD_HC_CONSOLE_PUTC, (u8)*s, 0, 0);
}

static void both_ways(const char *line)
{
	console_puts("w:");
	console_puts(line);
	console_putc('\n');
	put_bytes("p:");
	put_bytes(line);
	put_bytes("\r\n");
}

static const struct {
	u64 ipa, len;
	long want;
} hostile[] = {
	{RAM_END - 4, 8, -EFAULT}, /* across the end of its RAM */
	{QEMU_VIRT_GUEST_COMM + 4092, 8, -EFAULT}, /* comm page, then none */
	{0, 8, -EFAULT}, /* nothing there */
	{QEMU_VIRT_GICD_BASE, 8, -EFAULT}, /* emulated MMIO, not RAM */
	{~0ull - 3, 8, -EFAULT}, /* wraps */
	{QEMU_VIRT_GUEST_RAM, WD_CONSOLE_WRITE_MAX + 1, -EINVAL},
	{QEMU_VIRT_GUEST_RAM, ~0ull, -EINVAL},
};

static void hostile_buffers(void)
{
	unsigned int i, refused = 0;
	long ret;

	for (i = 0; i < sizeof(hostile) / sizeof(hostile[0]); i++) {
		ret = hypercall(WD_HC_CONSOLE_WRITE, hostile[i].ipa,
				hostile[i].len, 0);
		if (ret == hostile[i].want)
			refused++;
		else
			printf("conwrite: buffer %u: %ld, want %ld\n", i, ret,
			       hostile[i].want);
	}
	printf("conwrite: hostile buffers refused %u of %u\n", refused, i);
}

void inmate_main(void)
{
	u64 deadline = timer_now();
	unsigned int i;

	for (i = 0; i < LONG_LEN; i++)
		long_line[i] = (char)('a' + i % 26);
	printf("conwrite: start\n");
	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		both_ways(lines[i]);
	hostile_buffers();
	for (unsigned int tick = 1;; tick++) {
		deadline += timer_frequency();
		inmate_sleep_until(deadline);
		printf("conwrite: tick %u\n", tick);
	}
}
