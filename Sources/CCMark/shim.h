#ifndef SITREP_CCMARK_SHIM_H
#define SITREP_CCMARK_SHIM_H

#include <cmark.h>

#endif
