"""Reference values for test/losses/{tripletLoss,marginRankingLoss,preferenceLoss,preferenceRewards}.test.ts.

Run with Debian's PyTorch (apt-get install python3-torch; torch 1.13.1, float64):  /usr/bin/python3 pairLosses.py
The DPO losses are TRL DPOTrainer.dpo_loss's formulas (loss_type sigmoid / robust / hinge / ipo), written out in torch
because TRL itself is not installed; the seed value is the seed notebook's own numpy expression.
"""
import numpy as np
import torch
import torch.nn.functional as F

f64 = torch.float64


def t(v):
    return torch.tensor(v, dtype=f64, requires_grad=True)


print("torch", torch.__version__)

# triplet, euclidean (TripletMarginLoss, p=2, eps=1e-6, swap=False)
A = t([[0.5, -1.0, 2.0], [1.0, 1.0, 1.0]])
P = t([[0.0, -0.5, 1.5], [2.0, 0.0, 1.0]])
N = t([[1.0, 0.0, 2.5], [1.5, 1.0, 0.0]])
loss = F.triplet_margin_loss(A, P, N, margin=1.0, reduction="none")
loss.sum().backward()
print("triplet euclidean none", [repr(v) for v in loss.tolist()])
print("triplet euclidean grads", A.grad.tolist(), P.grad.tolist(), N.grad.tolist())
print("triplet euclidean mean", repr(F.triplet_margin_loss(A, P, N, margin=1.0, reduction="mean").item()))
print("triplet single", repr(F.triplet_margin_loss(t([[0.0, 0.0]]), t([[3.0, 4.0]]), t([[6.0, 8.0]]), margin=10.0).item()))

# margin ranking
x1, x2 = t([0.8, 0.2, 0.5]), t([0.3, 0.6, 0.5])
loss = F.margin_ranking_loss(x1, x2, torch.tensor([1.0, 1.0, -1.0], dtype=f64), margin=0.1, reduction="none")
loss.sum().backward()
print("ranking none", [repr(v) for v in loss.tolist()], x1.grad.tolist(), x2.grad.tolist())
x1, x2 = t([1.0]), t([0.5])
F.margin_ranking_loss(x1, x2, torch.tensor([1.0], dtype=f64), margin=0.5, reduction="sum").backward()
print("ranking kink (loss exactly 0)", x1.grad.tolist(), x2.grad.tolist())

# seed exercise 9
lw, ll, rw, rl = np.array([-2.0, -1.5]), np.array([-3.0, -1.0]), np.array([-2.2, -1.4]), np.array([-2.8, -1.1])
adv = 0.2 * ((lw - rw) - (ll - rl))
print("seed preference", [repr(v) for v in np.logaddexp(0.0, -adv)])

# TRL dpo_loss
B = ([-2.0, -1.5, -0.3], [-3.0, -1.0, -4.0], [-2.2, -1.4, -0.5], [-2.8, -1.1, -3.0])
for loss_type, eps in [("sigmoid", 0.0), ("sigmoid", 0.1), ("robust", 0.1), ("hinge", 0.0), ("ipo", 0.0)]:
    W, L, RW, RL = (t(v) for v in B)
    beta = 0.5
    logits = (W - L) - (RW - RL)
    if loss_type == "sigmoid":
        losses = -F.logsigmoid(beta * logits) * (1 - eps) - F.logsigmoid(-beta * logits) * eps
    elif loss_type == "robust":
        losses = (-F.logsigmoid(beta * logits) * (1 - eps) + F.logsigmoid(-beta * logits) * eps) / (1 - 2 * eps)
    elif loss_type == "hinge":
        losses = torch.relu(1 - beta * logits)
    else:
        losses = (logits - 1 / (2 * beta)) ** 2
    losses.sum().backward()
    print(loss_type, eps, [repr(v) for v in losses.tolist()], "d/dlogpW", W.grad.tolist())

W, L, RW, RL = (torch.tensor(v, dtype=f64) for v in B)
chosen, rejected = 0.5 * (W - RW), 0.5 * (L - RL)
print("rewards", chosen.tolist(), rejected.tolist(), (chosen - rejected).tolist(), (chosen > rejected).double().mean().item())
