/*
 * landmarks.h -- landmarks for the lower bound of engine/network.h (ALT: A*,
 * landmarks, triangle inequality): the free-flow minutes from a few nodes far
 * apart to every node.  For any landmark L, |d(L, u) - d(L, v)| <= d(u, v) on
 * an undirected network (the triangle inequality, both ways), and free flow
 * is the fastest the roads can be (hazards only slow them), so the largest
 * such difference bounds the minutes between u and v now.  On road networks
 * it is usually within a few per cent of the truth, where the straight-line
 * bound is within a factor of two or three.
 */
#ifndef SUPPLYSIM_LANDMARKS_H
#define SUPPLYSIM_LANDMARKS_H

#include <stdint.h>
#include "engine/network.h"

/* Chooses up to k landmarks, each the node farthest (at free flow) from
 * those chosen before (the first the farthest from node 0), and gives the
 * network their minutes to every node (k full searches, O(k (V + E) log V);
 * 8 k bytes per node).  0, or -1 when memory runs out (the network then keeps
 * the straight-line bound only). */
int net_set_landmarks(struct net *n, int k);

/* A hash of everything net_set_landmarks(n, k) depends on: k, the nodes,
 * the arcs and every road's free-flow minutes, to the bit.  Networks with
 * equal keys get the same landmarks' minutes (a cache of them is keyed so:
 * model/model.c).  O(V + E). */
uint64_t net_landmarks_key(const struct net *n, int k);

#endif
