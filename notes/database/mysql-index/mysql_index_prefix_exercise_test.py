"""练习"最左前缀与回表"的测试（学习者看不到这个文件）。"""
import unittest

from mysql_index_prefix_exercise import needs_lookup, usable_prefix

INDEX = ["name", "age", "city"]


class UsablePrefixTests(unittest.TestCase):
    def test_all_equalities_use_every_column(self):
        conditions = {"city": "eq", "name": "eq", "age": "eq"}
        self.assertEqual(usable_prefix(INDEX, conditions), ["name", "age", "city"])

    def test_missing_first_column_uses_nothing(self):
        self.assertEqual(usable_prefix(INDEX, {"age": "eq", "city": "eq"}), [])

    def test_gap_stops_at_the_missing_column(self):
        self.assertEqual(usable_prefix(INDEX, {"name": "eq", "city": "eq"}), ["name"])

    def test_range_column_is_used_but_stops_the_prefix(self):
        self.assertEqual(usable_prefix(INDEX, {"name": "eq", "age": "range", "city": "eq"}), ["name", "age"])
        self.assertEqual(usable_prefix(INDEX, {"name": "prefix", "age": "eq"}), ["name"])

    def test_leading_wildcard_and_function_are_not_used(self):
        self.assertEqual(usable_prefix(INDEX, {"name": "suffix", "age": "eq"}), [])
        self.assertEqual(usable_prefix(INDEX, {"name": "eq", "age": "function", "city": "eq"}), ["name"])

    def test_empty_where(self):
        self.assertEqual(usable_prefix(INDEX, {}), [])


class NeedsLookupTests(unittest.TestCase):
    def test_index_and_primary_key_columns_cover_the_query(self):
        self.assertEqual(needs_lookup(INDEX, ["id"], ["id", "name", "age"]), False)

    def test_other_column_needs_back_to_table(self):
        self.assertEqual(needs_lookup(INDEX, ["id"], ["name", "email"]), True)

    def test_composite_primary_key(self):
        self.assertEqual(needs_lookup(["user_id"], ["tenant", "order_no"], ["tenant", "order_no", "user_id"]), False)


if __name__ == "__main__":
    unittest.main()
