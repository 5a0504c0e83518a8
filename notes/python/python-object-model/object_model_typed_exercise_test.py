"""练习 Typed 描述符的测试（学习者看不到这个文件）。"""
import unittest

from object_model_typed_exercise import Typed


def make_class():
    class Point:
        x = Typed(int)
        y = Typed(int, default=0)
        label = Typed(str, default="")

        def __init__(self, x=None):
            if x is not None:
                self.x = x

    return Point


class TypedTests(unittest.TestCase):
    def test_set_and_get_per_instance(self):
        Point = make_class()
        p, q = Point(1), Point(2)
        self.assertEqual((p.x, q.x), (1, 2))
        p.x = 10
        self.assertEqual((p.x, q.x), (10, 2))

    def test_wrong_type_raises_and_keeps_old_value(self):
        Point = make_class()
        p = Point(1)
        with self.assertRaises(TypeError):
            p.x = "1"
        self.assertEqual(p.x, 1)

    def test_class_access_returns_descriptor_with_name(self):
        Point = make_class()
        self.assertEqual(type(Point.x).__name__, "Typed")
        self.assertEqual([Point.x.name, Point.y.name, Point.label.name], ["x", "y", "label"])

    def test_default_and_missing(self):
        Point = make_class()
        p = Point()
        self.assertEqual((p.y, p.label), (0, ""))
        with self.assertRaises(AttributeError):
            p.x

    def test_value_lives_in_instance_dict(self):
        Point = make_class()
        p = Point(3)
        p.label = "a"
        self.assertEqual(p.__dict__, {"x": 3, "label": "a"})

    def test_delete(self):
        Point = make_class()
        p = Point(3)
        p.y = 7
        del p.y
        self.assertEqual(p.y, 0)
        del p.x
        with self.assertRaises(AttributeError):
            p.x
        with self.assertRaises(AttributeError):
            del p.x


if __name__ == "__main__":
    unittest.main()
