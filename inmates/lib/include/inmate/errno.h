/* SPDX-License-Identifier: GPL-2.0 */
/* Error numbers the library returns negated (Linux values). */
#ifndef INMATE_ERRNO_H
#define INMATE_ERRNO_H

#define EFAULT 14
#define EBUSY 16
#define ENODEV 19
#define EINVAL 22
#define ENOSYS 38
#define ETIMEDOUT 110

#endif
