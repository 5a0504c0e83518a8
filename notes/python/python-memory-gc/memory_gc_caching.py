"""CPython 的实现细节：小整数缓存、字符串驻留、gc 跟踪哪些对象、gc.freeze 与 get_referrers。"""
import gc
import sys

# 小整数 -5..256 预先创建好，运行时得到的同值小整数是同一个对象
print("int('256') is int('256'):", int("256") is int("256"))
print("int('257') is int('257'):", int("257") is int("257"))
print("int('-5') is int('-5'):", int("-5") is int("-5"))
print("int('-6') is int('-6'):", int("-6") is int("-6"))

# 运行时拼出来的字符串不会自动驻留；sys.intern 返回驻留池里的那一个
a = "".join(["hel", "lo_world"])
b = "".join(["hel", "lo_world"])
print("joined strings: == is", a == b, a is b)
print("after sys.intern:", sys.intern(a) is sys.intern(b))
literal = "hello_world"          # 像标识符的字符串常量在编译时就被驻留
print("interned is the literal:", sys.intern(a) is literal)

# 循环垃圾回收器只跟踪可能组成环的容器对象
print("tracked int / str:", gc.is_tracked(1), gc.is_tracked("s"))


class Plain:
    pass


print("tracked list / instance:", gc.is_tracked([]), gc.is_tracked(Plain()))

# get_referrers：谁引用了这个对象（调试用，很慢）
target = ["payload"]
holder = {"key": target}
print("holder refers to target:", any(r is holder for r in gc.get_referrers(target)))

# freeze：把当前所有被跟踪的对象移进“永久代”，之后的回收不再扫描它们
gc.freeze()
print("frozen objects > 0:", gc.get_freeze_count() > 0)
gc.unfreeze()
print("after unfreeze:", gc.get_freeze_count())
