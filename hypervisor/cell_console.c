// SPDX-License-Identifier: GPL-2.0
/*
 * Console output of non-root cells (WD_HC_CONSOLE_PUTC, _WRITE): collected per
 * cell and printed one whole line at a time, tagged with the cell's name,
 * so lines of several cells and of Warden do not interleave.
 */
#include <wd/cell.h>
#include <wd/printk.h>
#include <wd/spinlock.h>

static void flush_locked(struct cell *cell)
{
	struct cell_console *con = &cell->console;

	if (!con->len)
		return;
	con->line[con->len] = '\0';
	/* The cell chooses how much it prints: a byte budget per cell. */
	if (cell_ratelimit(cell, RL_CONSOLE, con->len + 1))
		printk("[%s] %s\n", cell->name, con->line);
	con->len = 0;
}

/*
 * The byte is the cell's: control characters and non-ASCII become '.',
 * so a cell cannot send escape sequences to the terminal.
 */
static char printable(char c)
{
	return (c >= ' ' && c < 0x7f) || c == '\t' ? c : '.';
}

static void putc_locked(struct cell *cell, char c)
{
	struct cell_console *con = &cell->console;

	if (c == '\n')
		flush_locked(cell);
	else if (c != '\r')
		con->line[con->len++] = printable(c);
	if (con->len == CELL_LINE_MAX)
		flush_locked(cell);
}

void cell_console_putc(struct cell *cell, char c)
{
	spin_lock(&cell->console.lock);
	putc_locked(cell, c);
	spin_unlock(&cell->console.lock);
}

/* One lock for the buffer: its lines do not mix with another CPU's. */
void cell_console_write(struct cell *cell, const char *s, size_t len)
{
	spin_lock(&cell->console.lock);
	while (len--)
		putc_locked(cell, *s++);
	spin_unlock(&cell->console.lock);
}

/* A stopping cell's last words without their newline. */
void cell_console_flush(struct cell *cell)
{
	spin_lock(&cell->console.lock);
	flush_locked(cell);
	spin_unlock(&cell->console.lock);
}
