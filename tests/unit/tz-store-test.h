/*
 * tz-store-test.h: a store's smallest organisation tree, for the store
 * unit tests that write ledgers into it. Include after tz-test.h,
 * core/org.h and store/store.h.
 */
#ifndef TZ_STORE_TEST_H
#define TZ_STORE_TEST_H

/* Save the tree 测试市 (C) > 甲区 (R1) into `s`; returns 甲区's node id,
 * the region_id of the test's projects. */
static inline int64_t tz_test_one_region(struct tz_store *s)
{
	struct tz_org_index *x = tz_org_index_new();
	struct tz_org_node root = { 0, "C", "测试市", "", TZ_ORG_CITY, "" };
	struct tz_org_node region = { 0, "R1", "甲区", "C", TZ_ORG_DISTRICT, "" };
	int64_t id;

	assert_int_equal(tz_org_index_add(x, &root, NULL), 0);
	assert_int_equal(tz_org_index_add(x, &region, NULL), 0);
	assert_int_equal(tz_store_org_save(s, x, NULL, NULL), 0);
	tz_org_index_free(x);
	x = tz_org_index_new();
	assert_int_equal(tz_store_org_load(s, x, NULL), 0);
	id = tz_org_index_find(x, "甲区", strlen("甲区"), TZ_ORG_WANT_REGION)->id;
	tz_org_index_free(x);
	return id;
}

#endif
