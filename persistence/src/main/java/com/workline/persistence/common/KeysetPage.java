package com.workline.persistence.common;

import java.util.List;

/**
 * A page of a keyset-paged list: its rows and the cursor the next page starts after (null on the last
 * page). The cost of a page does not grow with its depth.
 */
public interface KeysetPage<R, C> {
    List<R> rows();

    C next();
}
