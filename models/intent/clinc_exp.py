import json, os, sys, time
import numpy as np, torch
sys.path.insert(0, os.path.dirname(__file__))
from features import normalise, feature_ids
from hashnet import HParams, train_member, member_arrays, predict
torch.set_num_threads(1)
d = json.load(open("/work/shared/benchmarks/clinc150/data_full.json"))
hp = HParams(**json.loads(sys.argv[1]))
t0 = time.time()
def prep(rows): return [feature_ids(normalise(t), hp.buckets) for t, _ in rows]
train = d["train"] + d["oos_train"]
labels = sorted({l for _, l in d["train"]}) + ["oos"]
li = {l: i for i, l in enumerate(labels)}
Xtr = prep(train); ytr = [li[l] for _, l in train]
Xv = prep(d["val"]); Xvo = prep(d["oos_val"]); Xt = prep(d["test"]); Xto = prep(d["oos_test"])
print("features", time.time() - t0, flush=True)
hp.heads = {"intent": len(labels)}
members = []
for k in range(hp.members):
    net = train_member(Xtr, {"intent": ytr}, hp, hp.seed + k, log=lambda s: None)
    members.append(member_arrays(net))
    print("trained", k, time.time() - t0, flush=True)
def scores(X, rows):
    p = predict(members, X, "intent"); return p
pv, pvo, pt, pto = scores(Xv, 0), scores(Xvo, 0), scores(Xt, 0), scores(Xto, 0)
yv = np.array([li[l] for _, l in d["val"]]); yt = np.array([li[l] for _, l in d["test"]])
oos = li["oos"]
def ev(p, y, po, th):
    pred = p.argmax(1); conf = p.max(1); pred = np.where(conf < th, oos, pred)
    predo = po.argmax(1); confo = po.max(1); predo = np.where(confo < th, oos, predo)
    return (pred == y).mean(), (predo == oos).mean()
best = max(np.arange(0, 1, 0.01), key=lambda th: sum(ev(pv, yv, pvo, th)))
for th in [0.0, 0.1,0.15, 0.2,0.25, 0.3, best]:
    print("th", round(th, 2), "val", ev(pv, yv, pvo, th), "test", ev(pt, yt, pto, th))
print("size MB", hp.members * hp.buckets * hp.dim * 2 / 1e6, "time", time.time() - t0)
