// SPDX-License-Identifier: GPL-2.0
/*
 * Hypervisor console: a ring the root cell reads through a read-only
 * stage-2 mapping, plus the UART when the config names one.
 *
 * Writers only copy their line into the ring, under ring_lock (a few
 * hundred bytes of memory copy at most). The UART is slow (about 90 us a
 * byte at 115200 baud on hardware) and is fed from the ring by whichever
 * CPU gets drain_lock with a trylock; the others return at once, their
 * bytes go out with the drainer's. So no CPU waits for another's UART
 * output, and each drainer's work is bounded (DRAIN_MAX per call).
 */
#include <arch.h>
#include <wd/console.h>
#include <wd/spinlock.h>

#define RING_PAGE 4096
/* A drainer stops after this much; the next writer goes on. */
#define DRAIN_MAX (RING_PAGE * 2)

/* Placed at the header's console_offset by the linker script. */
static union {
	struct wd_console_ring ring;
	u8 page[RING_PAGE];
} console_page __attribute__((section(".console"), aligned(RING_PAGE)));

static spinlock_t ring_lock;
static spinlock_t drain_lock;
static u64 drained; /* ring position the UART has reached; drain_lock */
static bool uart_on;

void console_init(void)
{
	struct wd_console_ring *r = &console_page.ring;

	r->size = RING_PAGE - sizeof(*r);
	r->head = 0;
	drained = 0;
	WRITE_ONCE(r->magic, WD_CONSOLE_RING_MAGIC);
}

/* What the ring holds already stays out of the UART, as before. */
void console_enable_uart(bool on)
{
	spin_lock(&drain_lock);
	drained = __atomic_load_n(&console_page.ring.head, __ATOMIC_ACQUIRE);
	uart_on = on;
	spin_unlock(&drain_lock);
}

/* head is published after the bytes so a reader never sees stale ones. */
static void ring_write(const char *s, size_t len)
{
	struct wd_console_ring *r = &console_page.ring;
	u64 head = r->head;

	while (len--)
		r->buf[head++ % r->size] = *s++;
	__atomic_store_n(&r->head, head, __ATOMIC_RELEASE);
}

/*
 * Up to the head seen now; bytes a writer overwrote before the UART got
 * them (the ring lapped the drainer) are skipped. Returns bytes sent.
 */
static u64 drain_once(void)
{
	struct wd_console_ring *r = &console_page.ring;
	u64 head = __atomic_load_n(&r->head, __ATOMIC_ACQUIRE);
	u64 start;
	char c;

	if (head - drained > r->size)
		drained = head - r->size;
	for (start = drained; drained != head; drained++) {
		c = r->buf[drained % r->size];
		if (c == '\n')
			arch_console_putc('\r');
		arch_console_putc(c);
	}
	return head - start;
}

static bool drain_pending(void)
{
	return __atomic_load_n(&console_page.ring.head, __ATOMIC_ACQUIRE) !=
	       READ_ONCE(drained);
}

/*
 * A writer that failed the trylock left its bytes to the holder, so the
 * holder looks again after unlocking (bounded by DRAIN_MAX).
 */
static void console_drain(void)
{
	u64 sent = 0;

	while (uart_on && sent < DRAIN_MAX && spin_trylock(&drain_lock)) {
		sent += drain_once();
		spin_unlock(&drain_lock);
		if (!drain_pending())
			break;
	}
}

void console_write(const char *s, size_t len)
{
	spin_lock(&ring_lock);
	ring_write(s, len);
	spin_unlock(&ring_lock);
	console_drain();
}

u64 console_ring_phys(void)
{
	return (u64)(unsigned long)&console_page;
}
