"""View models of the generated documents (agenda, bilans, passation, communication).

Each module builds plain, already-computed data for one template: no business
logic in Jinja. With ``public=True`` nothing marked confidential and no personal
contact detail reaches the view model, so no template can leak it.
"""
