"""Who is where, and when: the rotation and its shapes, re-mixing people, forming groups, the programme's
clock times and the live evening.

* ``rotation``: the session's rotation (explicit, or generated from ``shapes`` or ``remix``);
* ``shapes``: rotations for any number of stations, groups and rounds, and what each shape costs;
* ``remix``: people (not groups) move; built from ``routes`` (Latin squares, the affine plane over
  ``finite_fields``), improved by ``mixing_search``, measured by ``contacts``;
* ``grouping`` and ``regroup``: balanced groups from the participants, and the schedule's overview;
* ``timetable``, ``evening``: clock times, and the facilitator's live clock;
* ``schedule_table``: the rotation as a text table; ``wording``: the pieces of the costs' sentences.
"""
