// SPDX-License-Identifier: GPL-2.0
/* printf to the console and snprintf into a buffer, over format.c. */
#include <inmate/console.h>
#include <inmate/format.h>
#include <inmate/printf.h>

struct buffer {
	char *buf;
	size_t size;
	size_t used; /* characters produced, including those cut off */
};

static void console_sink(char c, void *ctx)
{
	(void)ctx;
	console_putc(c);
}

static void buffer_sink(char c, void *ctx)
{
	struct buffer *b = ctx;

	if (b->used + 1 < b->size)
		b->buf[b->used] = c;
	b->used++;
}

int vprintf(const char *fmt, va_list ap)
{
	return format_va(console_sink, NULL, fmt, ap);
}

int printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintf(fmt, ap);
	va_end(ap);
	return n;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	struct buffer b = {.buf = buf, .size = size, .used = 0};
	va_list ap;

	va_start(ap, fmt);
	format_va(buffer_sink, &b, fmt, ap);
	va_end(ap);
	if (size > 0)
		buf[b.used < size ? b.used : size - 1] = '\0';
	return (int)b.used;
}
