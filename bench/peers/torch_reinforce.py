"""pgvec's batched REINFORCE written with PyTorch tensors: the peer pgvec is measured against.

Same algorithm as `pgvec train`: N CartPole-v1 environments (Gymnasium's physics, float32),
one episode per environment per iteration (up to 500 steps), a 4-H-2 MLP with softmax,
reward-to-go with gamma, minus the batch mean and divided by the batch std (torch.std),
loss = -(1/total steps) * sum w_t log pi(a_t|s_t), Adam(lr). Solved = an iteration's mean
return >= target. Prints one JSON object per run.

  python3 torch_reinforce.py --envs 4096 --device cpu --seed 0
  python3 torch_reinforce.py --envs 4096 --device cuda --throughput-iterations 20
"""
import argparse
import json
import math
import os
import time

import torch

GRAVITY, MASS_POLE, MASS_CART, LENGTH, FORCE, TAU = 9.8, 0.1, 1.0, 0.5, 10.0, 0.02
TOTAL_MASS = MASS_POLE + MASS_CART
POLE_MASS_LENGTH = MASS_POLE * LENGTH
X_LIMIT, THETA_LIMIT, MAX_STEPS = 2.4, 12 * 2 * math.pi / 360, 500


def step(s, action):
    x, x_dot, theta, theta_dot = s.unbind(1)
    force = torch.where(action == 1, FORCE, -FORCE)
    cos, sin = torch.cos(theta), torch.sin(theta)
    temp = (force + POLE_MASS_LENGTH * theta_dot * theta_dot * sin) / TOTAL_MASS
    theta_acc = (GRAVITY * sin - cos * temp) / (LENGTH * (4.0 / 3.0 - MASS_POLE * cos * cos / TOTAL_MASS))
    x_acc = temp - POLE_MASS_LENGTH * theta_acc * cos / TOTAL_MASS
    n = torch.stack((x + TAU * x_dot, x_dot + TAU * x_acc, theta + TAU * theta_dot, theta_dot + TAU * theta_acc), 1)
    done = (n[:, 0].abs() > X_LIMIT) | (n[:, 2].abs() > THETA_LIMIT)
    return n, done


def iteration(policy, optimizer, envs, gamma, device, generator):
    with torch.no_grad():
        s = (torch.rand(envs, 4, device=device, generator=generator) - 0.5) * 0.1
        alive = torch.ones(envs, dtype=torch.bool, device=device)
        states, actions, masks = [], [], []
        for _ in range(MAX_STEPS):
            probs = torch.softmax(policy(s), 1)
            a = torch.multinomial(probs, 1, generator=generator).squeeze(1)
            states.append(s)
            actions.append(a)
            masks.append(alive.clone())
            s, done = step(s, a)
            alive &= ~done
            if not alive.any():
                break
    mask = torch.stack(masks).float()                       # [T, N]
    lengths = mask.sum(0)
    t_index = torch.arange(mask.shape[0], device=device).unsqueeze(1)
    remaining = (lengths.unsqueeze(0) - t_index).clamp(min=0)   # steps left including t
    returns = (1 - gamma ** remaining) / (1 - gamma) if gamma < 1 else remaining
    valid = mask.bool()
    weights = returns[valid]
    weights = (weights - weights.mean()) / (weights.std() + 1e-8)
    logits = policy(torch.stack(states)[valid])
    log_probs = torch.log_softmax(logits, 1).gather(1, torch.stack(actions)[valid].unsqueeze(1)).squeeze(1)
    loss = -(weights * log_probs).sum() / valid.sum()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return lengths, int(valid.sum())


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--envs", type=int, default=4096)
    p.add_argument("--device", default="cpu")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--hidden", type=int, default=32)
    p.add_argument("--lr", type=float, default=0.01)
    p.add_argument("--gamma", type=float, default=0.99)
    p.add_argument("--target-return", type=float, default=475.0)
    p.add_argument("--max-iterations", type=int, default=300)
    p.add_argument("--max-seconds", type=float, default=600.0)
    p.add_argument("--threads", type=int, default=os.cpu_count(), help="torch CPU threads (Debian's build defaults to 1)")
    p.add_argument("--throughput-iterations", type=int, default=0,
                   help="time this many iterations of a fixed policy (no learning target) instead of training")
    args = p.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    device = torch.device(args.device)
    generator = torch.Generator(device=device)
    generator.manual_seed(args.seed)
    policy = torch.nn.Sequential(torch.nn.Linear(4, args.hidden), torch.nn.ReLU(), torch.nn.Linear(args.hidden, 2)).to(device)
    optimizer = torch.optim.Adam(policy.parameters(), lr=args.lr)

    start = time.perf_counter()
    env_steps, solved_at, mean_return, iterations = 0, None, 0.0, 0
    limit = args.throughput_iterations or args.max_iterations
    while iterations < limit and time.perf_counter() - start < args.max_seconds:
        lengths, steps = iteration(policy, optimizer, args.envs, args.gamma, device, generator)
        iterations += 1
        env_steps += steps
        mean_return = float(lengths.mean())
        if not args.throughput_iterations and mean_return >= args.target_return:
            solved_at = time.perf_counter() - start
            break
    if device.type == "cuda":
        torch.cuda.synchronize()
    wall = time.perf_counter() - start
    print(json.dumps({
        "peer": "pytorch", "torch": torch.__version__, "device": args.device, "envs": args.envs, "seed": args.seed,
        "solved": solved_at is not None, "iterations": iterations, "env_steps": env_steps, "wall_seconds": wall,
        "seconds_to_solve": solved_at, "env_steps_per_second": env_steps / wall, "final_mean_return": mean_return,
        "threads": torch.get_num_threads(),
    }))


if __name__ == "__main__":
    main()
