// SPDX-License-Identifier: GPL-2.0
/*
 * hypervisor/console.c and the ticket lock on the host, with threads for
 * CPUs. The UART (arch_console_putc) can be held up on purpose, to check
 * that a writer never waits for another CPU's UART output, and the lock
 * that CPUs are served in the order they asked.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "../../hypervisor/console.c"

static pthread_mutex_t uart_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t uart_cond = PTHREAD_COND_INITIALIZER;
static bool uart_blocked, in_uart;
static char uart[8192];
static size_t uart_len;

/* The UART: waits while uart_blocked, like a slow one, then records. */
void arch_console_putc(char c)
{
	pthread_mutex_lock(&uart_mutex);
	in_uart = true;
	pthread_cond_broadcast(&uart_cond);
	while (uart_blocked)
		pthread_cond_wait(&uart_cond, &uart_mutex);
	if (uart_len < sizeof(uart))
		uart[uart_len++] = c;
	pthread_mutex_unlock(&uart_mutex);
}

static void set_blocked(bool on)
{
	pthread_mutex_lock(&uart_mutex);
	uart_blocked = on;
	pthread_cond_broadcast(&uart_cond);
	pthread_mutex_unlock(&uart_mutex);
}

static void wait_in_uart(void)
{
	pthread_mutex_lock(&uart_mutex);
	while (!in_uart)
		pthread_cond_wait(&uart_cond, &uart_mutex);
	pthread_mutex_unlock(&uart_mutex);
}

static int setup(void **state)
{
	(void)state;
	uart_len = 0;
	in_uart = false;
	uart_blocked = false;
	console_init();
	console_enable_uart(true);
	return 0;
}

static void ring_and_uart(void **state)
{
	struct wd_console_ring *r = &console_page.ring;

	(void)state;
	console_write("ab\n", 3);
	assert_int_equal(r->head, 3);
	assert_memory_equal(r->buf, "ab\n", 3);
	assert_int_equal(uart_len, 4);
	assert_memory_equal(uart, "ab\r\n", 4);
}

struct writer {
	const char *text;
	bool done;
};

static void *writer(void *arg)
{
	struct writer *w = arg;

	console_write(w->text, strlen(w->text));
	__atomic_store_n(&w->done, true, __ATOMIC_RELEASE);
	return NULL;
}

/* Up to 2 s for a writer that should not wait at all. */
static bool done_soon(struct writer *w)
{
	const struct timespec ms = {0, 1000000};

	for (int i = 0; i < 2000; i++) {
		if (__atomic_load_n(&w->done, __ATOMIC_ACQUIRE))
			return true;
		nanosleep(&ms, NULL);
	}
	return false;
}

/*
 * CPU 1 is stuck in the UART with its line; CPU 2's line goes into the
 * ring and CPU 2 returns at once. CPU 1 sends both lines when the UART
 * moves again.
 */
static void writer_never_waits_for_uart(void **state)
{
	struct writer one = {"first\n", false}, two = {"second\n", false};
	pthread_t t1, t2;
	bool returned;

	(void)state;
	set_blocked(true);
	pthread_create(&t1, NULL, writer, &one);
	wait_in_uart();
	pthread_create(&t2, NULL, writer, &two);
	returned = done_soon(&two);
	set_blocked(false);
	pthread_join(t1, NULL);
	pthread_join(t2, NULL);
	assert_true(returned);
	assert_int_equal(console_page.ring.head, 13);
	assert_int_equal(uart_len, 15);
	assert_memory_equal(uart, "first\r\nsecond\r\n", 15);
}

static spinlock_t lock;
static int order[2], served;

static void *waiter(void *arg)
{
	spin_lock(&lock);
	order[served++] = (int)(intptr_t)arg;
	spin_unlock(&lock);
	return NULL;
}

/*
 * A CPU that drops the lock and takes it again at once (a flood) does
 * not get it before a CPU already waiting: the waiter's ticket is first.
 */
static void lock_serves_in_order(void **state)
{
	pthread_t t;

	(void)state;
	for (int round = 0; round < 100; round++) {
		served = 0;
		spin_lock(&lock);
		pthread_create(&t, NULL, waiter, (void *)(intptr_t)1);
		while (__atomic_load_n(&lock.next, __ATOMIC_ACQUIRE) ==
		       lock.owner + 1)
			; /* until the waiter has its ticket */
		spin_unlock(&lock);
		waiter((void *)(intptr_t)2);
		pthread_join(t, NULL);
		assert_int_equal(order[0], 1);
		assert_int_equal(order[1], 2);
	}
}

static void trylock_only_when_free(void **state)
{
	(void)state;
	assert_true(spin_trylock(&lock));
	assert_false(spin_trylock(&lock));
	spin_unlock(&lock);
	assert_true(spin_trylock(&lock));
	spin_unlock(&lock);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(ring_and_uart, setup),
		cmocka_unit_test_setup(writer_never_waits_for_uart, setup),
		cmocka_unit_test(lock_serves_in_order),
		cmocka_unit_test(trylock_only_when_free),
	};

	return cmocka_run_group_tests_name("console", tests, NULL, NULL);
}
