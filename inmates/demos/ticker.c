// SPDX-License-Identifier: GPL-2.0
/*
 * ticker: a line every TICKER_MS of counter time, on absolute deadlines,
 * each stamped with the counter (in ms) read just before it is printed.
 * Lines that Warden's console holds up come late and catch up, so the
 * number of stamps in a window is the rate at which this cell's output
 * actually goes out: the victim of the flood scenario.
 */
#include <inmate/printf.h>
#include <inmate/timer.h>

#define TICKER_MS 20

static unsigned long now_ms(void)
{
	return timer_ticks_to_ns(timer_now()) / 1000000;
}

void inmate_main(void)
{
	u64 period = timer_ns_to_ticks(TICKER_MS * 1000000ull);
	u64 deadline = timer_now();

	printf("ticker: a line every %u ms\n", TICKER_MS);
	for (unsigned long n = 1;; n++) {
		deadline += period;
		inmate_sleep_until(deadline);
		printf("ticker: %lu t=%lu\n", n, now_ms());
	}
}
