#ifndef SITREP_CSQLITE_SHIM_H
#define SITREP_CSQLITE_SHIM_H

/* SQLite's C API, for the benchmark's raw peer only: the product reaches SQLite through GRDB. */
#include <sqlite3.h>

#endif
