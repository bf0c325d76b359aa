"""pgvec's batched REINFORCE written with JAX (jax.lax.scan over steps, vmap over environments,
one jit-compiled iteration): the second peer pgvec is measured against on the GPU machine.

Same algorithm as torch_reinforce.py and `pgvec train`. Episodes run a fixed 500 steps in
the scan with an alive mask (JAX needs static shapes); only alive steps count as env-steps.

  python3 jax_reinforce.py --envs 4096 --seed 0
  python3 jax_reinforce.py --envs 4096 --throughput-iterations 20
"""
import argparse
import json
import math
import time

import jax
import jax.numpy as jnp

GRAVITY, MASS_POLE, MASS_CART, LENGTH, FORCE, TAU = 9.8, 0.1, 1.0, 0.5, 10.0, 0.02
TOTAL_MASS = MASS_POLE + MASS_CART
POLE_MASS_LENGTH = MASS_POLE * LENGTH
X_LIMIT, THETA_LIMIT, MAX_STEPS = 2.4, 12 * 2 * math.pi / 360, 500


def init_policy(key, hidden):
    k1, k2, k3, k4 = jax.random.split(key, 4)
    b1, b2 = 1 / math.sqrt(4), 1 / math.sqrt(hidden)
    return {
        "w1": jax.random.uniform(k1, (hidden, 4), minval=-b1, maxval=b1),
        "b1": jax.random.uniform(k2, (hidden,), minval=-b1, maxval=b1),
        "w2": jax.random.uniform(k3, (2, hidden), minval=-b2, maxval=b2),
        "b2": jax.random.uniform(k4, (2,), minval=-b2, maxval=b2),
    }


def logits(params, s):
    h = jax.nn.relu(s @ params["w1"].T + params["b1"])
    return h @ params["w2"].T + params["b2"]


def physics(s, action):
    x, x_dot, theta, theta_dot = s
    force = jnp.where(action == 1, FORCE, -FORCE)
    cos, sin = jnp.cos(theta), jnp.sin(theta)
    temp = (force + POLE_MASS_LENGTH * theta_dot * theta_dot * sin) / TOTAL_MASS
    theta_acc = (GRAVITY * sin - cos * temp) / (LENGTH * (4.0 / 3.0 - MASS_POLE * cos * cos / TOTAL_MASS))
    x_acc = temp - POLE_MASS_LENGTH * theta_acc * cos / TOTAL_MASS
    n = jnp.stack((x + TAU * x_dot, x_dot + TAU * x_acc, theta + TAU * theta_dot, theta_dot + TAU * theta_acc))
    done = (jnp.abs(n[0]) > X_LIMIT) | (jnp.abs(n[2]) > THETA_LIMIT)
    return n, done


def rollout(params, key):
    """One environment, one episode of up to 500 steps: states, actions, alive mask."""
    key, reset_key = jax.random.split(key)
    s0 = jax.random.uniform(reset_key, (4,), minval=-0.05, maxval=0.05)

    def body(carry, step_key):
        s, alive = carry
        a = jax.random.categorical(step_key, logits(params, s))
        n, done = physics(s, a)
        return (n, alive & ~done), (s, a, alive)

    _, (states, actions, alive) = jax.lax.scan(body, (s0, jnp.bool_(True)), jax.random.split(key, MAX_STEPS))
    return states, actions, alive


def make_iteration(envs, gamma, lr):
    def loss_fn(params, states, actions, weights, mask):
        lp = jax.nn.log_softmax(logits(params, states))
        chosen = jnp.take_along_axis(lp, actions[..., None], -1)[..., 0]
        return -(weights * chosen * mask).sum() / mask.sum()

    def iteration(params, opt, key):
        states, actions, alive = jax.vmap(rollout, in_axes=(None, 0))(params, jax.random.split(key, envs))
        mask = alive.astype(jnp.float32)                      # [N, T]
        lengths = mask.sum(1)
        remaining = jnp.clip(lengths[:, None] - jnp.arange(MAX_STEPS)[None, :], 0)
        returns = (1 - gamma ** remaining) / (1 - gamma) if gamma < 1 else remaining
        count = mask.sum()
        mean = (returns * mask).sum() / count
        std = jnp.sqrt((((returns - mean) ** 2) * mask).sum() / (count - 1))
        weights = (returns - mean) / (std + 1e-8)
        grads = jax.grad(loss_fn)(params, states, actions, weights, mask)
        m, v, t = opt
        t = t + 1
        m = jax.tree_util.tree_map(lambda m_, g: 0.9 * m_ + 0.1 * g, m, grads)
        v = jax.tree_util.tree_map(lambda v_, g: 0.999 * v_ + 0.001 * g * g, v, grads)
        step_size = lr / (1 - 0.9 ** t)
        c2 = jnp.sqrt(1 - 0.999 ** t)
        params = jax.tree_util.tree_map(lambda p, m_, v_: p - step_size * m_ / (jnp.sqrt(v_) / c2 + 1e-8), params, m, v)
        return params, (m, v, t), lengths.mean(), count

    return jax.jit(iteration)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--envs", type=int, default=4096)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--hidden", type=int, default=32)
    p.add_argument("--lr", type=float, default=0.01)
    p.add_argument("--gamma", type=float, default=0.99)
    p.add_argument("--target-return", type=float, default=475.0)
    p.add_argument("--max-iterations", type=int, default=300)
    p.add_argument("--max-seconds", type=float, default=600.0)
    p.add_argument("--throughput-iterations", type=int, default=0)
    args = p.parse_args()

    key = jax.random.PRNGKey(args.seed)
    key, init_key = jax.random.split(key)
    params = init_policy(init_key, args.hidden)
    zeros = jax.tree_util.tree_map(jnp.zeros_like, params)
    opt = (zeros, zeros, 0)
    iteration = make_iteration(args.envs, args.gamma, args.lr)

    compile_start = time.perf_counter()
    jax.block_until_ready(iteration(params, opt, key))  # compile outside the timed loop
    compile_seconds = time.perf_counter() - compile_start

    start = time.perf_counter()
    env_steps, solved_at, mean_return, iterations = 0, None, 0.0, 0
    limit = args.throughput_iterations or args.max_iterations
    while iterations < limit and time.perf_counter() - start < args.max_seconds:
        key, k = jax.random.split(key)
        params, opt, mean, count = iteration(params, opt, k)
        iterations += 1
        env_steps += int(count)
        mean_return = float(mean)
        if not args.throughput_iterations and mean_return >= args.target_return:
            solved_at = time.perf_counter() - start
            break
    wall = time.perf_counter() - start
    print(json.dumps({
        "peer": "jax", "jax": jax.__version__, "device": str(jax.devices()[0]), "envs": args.envs, "seed": args.seed,
        "solved": solved_at is not None, "iterations": iterations, "env_steps": env_steps, "wall_seconds": wall,
        "seconds_to_solve": solved_at, "env_steps_per_second": env_steps / wall, "final_mean_return": mean_return,
        "compile_seconds": compile_seconds,
    }))


if __name__ == "__main__":
    main()
